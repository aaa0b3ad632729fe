import { entityOfEvent, exampleFromSchema, type TEventEntity, type TJsonSchema, type TOperation } from '@uw/clockify';
import { z } from 'zod';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { requireCatalogue } from './catalogue-access';

export const ZEventExampleRequestSchema = z.object({ eventType: z.string().min(1).max(100) });
export const ZEventExampleSchema = z.object({
  eventType: z.string(),
  /** The operation whose response schema shaped the example (Clockify sends that entity in the webhook). */
  operationId: z.string().nullable(),
  /** An example payload generated from the schema (no real data), or null when the event's entity has none. */
  payload: z.unknown(),
});
export type TEventExample = z.infer<typeof ZEventExampleSchema>;

/** The operation that reads one entity of each kind: its response is the shape the webhook carries. */
const ENTITY_OPERATION: Partial<Record<TEventEntity, string>> = {
  project: 'getProject',
  task: 'getTask',
  client: 'getClient',
  tag: 'getTag',
  time_entry: 'getTimeEntry',
  timer: 'getTimeEntry',
  user: 'getUsersOfWorkspace',
  user_group: 'getUserGroups',
  invoice: 'getInvoice',
  approval: 'getApprovalRequests',
  expense: 'getExpense',
  assignment: 'getAllAssignments',
  balance: 'getBalancesForUser',
};

function okSchema(op: TOperation): TJsonSchema | undefined {
  const response = op.responses['200'] ?? op.responses['201'];
  const schema = response?.schema;
  if (!schema || typeof schema !== 'object') return undefined;
  // List operations answer arrays (or a page object holding one): the event carries one item.
  const items = schema.items;
  if (schema.type === 'array' && items && typeof items === 'object' && !Array.isArray(items)) return items as TJsonSchema;

  return schema;
}

/**
 * An example payload for an event type, generated from the OpenAPI schema of the entity it carries, for the
 * flow editor's data panel when no event of that type has been logged yet.
 */
export function eventExample(deps: TApiDeps, eventType: string): TEventExample {
  const entity = entityOfEvent(eventType);
  if (!entity)
    throw new UserError('VALIDATION_FAILED', `unknown event type "${eventType}"`, { problems: [`unknown event type "${eventType}"`] });
  const operationId = ENTITY_OPERATION[entity];
  const op = operationId ? requireCatalogue(deps).get(operationId) : undefined;
  const schema = op ? okSchema(op) : undefined;
  if (!op || !schema) return { eventType, operationId: null, payload: null };

  return { eventType, operationId: op.operationId, payload: exampleFromSchema(schema) };
}
