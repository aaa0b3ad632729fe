import type { TFlowContext, TFlowDefinition, TFlowNode } from '@uw/flow-engine';

import { flattenSchema, type TJsonSchema } from '../../components/schema-form';
import type { TAvailableData, TStepSource } from './data-context';

/** Kinds whose result later expressions read as `steps.<id>`. */
const WITH_OUTPUT = new Set<TFlowNode['kind']>(['clockify', 'http', 'set', 'forEach']);

function walk(start: readonly string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...next(id));
  }

  return seen;
}

/** The nodes that run before `nodeId` on some path, in the definition's order. */
export function earlierNodes(definition: TFlowDefinition, nodeId: string): TFlowNode[] {
  const before = walk(
    definition.edges.filter((e) => e.target === nodeId).map((e) => e.source),
    (id) => definition.edges.filter((e) => e.target === id).map((e) => e.source),
  );

  return definition.nodes.filter((n) => n.id !== nodeId && before.has(n.id));
}

/** Whether `nodeId` runs inside a forEach body (reachable from a `body` edge of an earlier forEach). */
export function isInLoop(definition: TFlowDefinition, nodeId: string): boolean {
  const bodies = definition.edges.filter((e) => e.branch === 'body' && definition.nodes.find((n) => n.id === e.source)?.kind === 'forEach');
  const inside = walk(
    bodies.map((e) => e.target),
    (id) =>
      definition.edges.filter((e) => e.source === id && definition.nodes.find((n) => n.id === id)?.kind !== 'forEach').map((e) => e.target),
  );

  return inside.has(nodeId);
}

/** A value with the schema's shape and empty leaves ('' / 0 / false), so the data panel can show fields and types. */
export function skeletonOf(input: TJsonSchema | undefined, depth = 0): unknown {
  const schema = flattenSchema(input);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (depth > 5) return null;
  if (schema.properties || type === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, skeletonOf(s, depth + 1)]));
  }
  if (type === 'array') return schema.items && !Array.isArray(schema.items) ? [skeletonOf(schema.items, depth + 1)] : [];
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (type === 'string') return '';
  if (type === 'number' || type === 'integer') return 0;
  if (type === 'boolean') return false;

  return null;
}

/** What one operation's catalogue entry offers here: its success response's schema. */
export type TResponseSchemas = ReadonlyMap<string, TJsonSchema | undefined>;

function schemaOutput(node: TFlowNode, responses: TResponseSchemas): unknown {
  switch (node.kind) {
    case 'clockify':
      return { status: 200, body: skeletonOf(responses.get(node.data.operationId)), headers: {} };
    case 'set':
      return Object.fromEntries(Object.keys(node.data.values).map((k) => [k, null]));
    case 'forEach':
      return { results: [], count: 0 };
    default:
      return undefined;
  }
}

/**
 * The data `nodeId` can use: the sample payload (logged event or example) and each earlier step's output
 * from the last test run, or shaped from its response schema when it has not run.
 */
export function availableData(
  definition: TFlowDefinition,
  nodeId: string,
  from: { context: TFlowContext; responses: TResponseSchemas; payloadSource: string | null },
): TAvailableData {
  const { context, responses, payloadSource } = from;
  const earlier = earlierNodes(definition, nodeId).filter((n) => WITH_OUTPUT.has(n.kind));
  const ran = context.steps;
  const steps: Record<string, unknown> = {};
  const known = new Set<string>(payloadSource ? ['payload', 'event', 'headers', 'workspace'] : ['event', 'workspace']);
  const list = earlier.map((n) => {
    let source: TStepSource = 'not run';
    if (ran[n.id] !== undefined) {
      steps[n.id] = ran[n.id];
      source = 'test run';
    } else {
      const shaped = schemaOutput(n, responses);
      if (shaped !== undefined && (n.kind !== 'clockify' || responses.get(n.data.operationId))) {
        steps[n.id] = shaped;
        source = 'response schema';
      }
    }
    if (source !== 'not run') known.add(`steps.${n.id}`);

    return { id: n.id, label: n.label ?? n.id, source };
  });
  const inLoop = isInLoop(definition, nodeId);

  return {
    data: { payload: context.payload, steps, event: context.event, headers: context.headers, workspace: context.workspace },
    stepIds: list.map((s) => s.id),
    item: inLoop ? null : undefined,
    known,
    steps: list,
    payloadSource,
    inLoop,
  };
}
