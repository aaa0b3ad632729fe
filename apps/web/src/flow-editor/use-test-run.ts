import { useMutation } from '@tanstack/react-query';

import type { TFlowDefinition, TStepOutput } from '@uw/flow-engine';

import { trpc } from '../trpc/client';
import type { TTriggerData } from './trigger-data';

/** The event type a run of this trigger carries: its first event, or `schedule` / `manual` as the server names them. */
function sampleEventType(trigger: TTriggerData | null): string {
  switch (trigger?.source) {
    case 'clockify':
    case 'internal':
      return trigger.events[0] ?? 'SAMPLE';
    case 'schedule':
    case 'manual':
      return trigger.source;
    default:
      return 'SAMPLE';
  }
}

/**
 * flows.test (a dry run) against the chosen logged webhook, or else the sample the data panel shows (an example
 * generated from the event's schema when nothing is logged; empty when there is none). The step outputs it
 * returns feed `steps.*` in the editor's live evaluation.
 */
export function useTestRun() {
  const test = useMutation(trpc.flows.test.mutationOptions());
  const run = (definition: TFlowDefinition, from: { webhookId: string | null; payload?: unknown }, trigger: TTriggerData | null) => {
    const eventType = sampleEventType(trigger);
    const { webhookId, payload } = from;
    test.mutate(webhookId ? { definition, webhookId } : { definition, sample: { eventType, payload: payload ?? null } });
  };
  const steps = test.data?.outcome.steps as Record<string, TStepOutput> | undefined;

  return { run, steps, result: test.data, isPending: test.isPending, error: test.error };
}
