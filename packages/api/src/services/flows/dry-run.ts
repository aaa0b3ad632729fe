import { executeFlow, type TBudgets, type TFlowDefinition, type TJournalEntry } from '@uw/flow-engine';

import type { TRuntime } from '../../runtime';
import { notFound } from '../../errors';
import { getWebhook } from '../webhooks/list-webhooks';

export type TDryRunInput = {
  definition: TFlowDefinition;
  webhookId?: string;
  sample?: { eventType: string; payload: unknown; headers?: Record<string, string> };
};

/**
 * Evaluates a flow (saved or not) against a logged webhook or a sample event: conditions and mappings
 * run for real, requests are built but never sent. Returns the would-be requests and every step record.
 */
export async function dryRunFlow(runtime: TRuntime, workspaceId: string, input: TDryRunInput) {
  let trigger: TDryRunTrigger = {
    event: { type: input.sample?.eventType ?? 'SAMPLE', source: 'sample', receivedAt: new Date().toISOString(), id: 'sample' },
    payload: input.sample?.payload ?? null,
    headers: input.sample?.headers ?? {},
  };
  if (input.webhookId) {
    const log = await getWebhook(runtime.deps.db, workspaceId, input.webhookId);
    if (!log) throw notFound('webhook');
    trigger = {
      event: { type: log.eventType, source: log.source, receivedAt: new Date(log.receivedAt).toISOString(), id: log.id },
      payload: log.payload,
      headers: log.headers,
    };
  }

  return dryRunTrigger(runtime, { workspaceId, definition: input.definition, trigger });
}

/** What a flow run sees of its event. */
export type TDryRunTrigger = {
  event: { type: string; source: string; receivedAt: string; id: string };
  payload: unknown;
  headers: Record<string, string>;
};

/** One dry run of `definition` against one event (the flow test and the back-test), within `budgets` when given. */
export async function dryRunTrigger(
  runtime: TRuntime,
  run: { workspaceId: string; definition: TFlowDefinition; trigger: TDryRunTrigger; budgets?: Partial<TBudgets> },
) {
  const { workspaceId, definition, trigger, budgets } = run;
  const records: TJournalEntry[] = [];
  const refuse = () => {
    throw new Error('a dry run never sends requests');
  };
  const outcome = await executeFlow({
    definition,
    context: { ...trigger, workspace: { id: workspaceId }, steps: {} },
    evaluator: runtime.evaluator,
    dryRun: true,
    ...(budgets ? { budgets } : {}),
    ports: { clockify: { execute: refuse }, http: { send: refuse } },
    journal: {
      completed: () => undefined,
      started: () => undefined,
      record: (step) => {
        records.push(step);
      },
    },
  });

  return { outcome, steps: records };
}
