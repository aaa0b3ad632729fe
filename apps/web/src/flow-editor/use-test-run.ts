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
 * flows.test (a dry run) against the chosen logged webhook, or an empty sample of the trigger's first
 * event. The step outputs it returns feed `steps.*` in the editor's live evaluation.
 */
export function useTestRun() {
  const test = useMutation(trpc.flows.test.mutationOptions());
  const run = (definition: TFlowDefinition, webhookId: string | null, trigger: TTriggerData | null) => {
    const eventType = sampleEventType(trigger);
    test.mutate(webhookId ? { definition, webhookId } : { definition, sample: { eventType, payload: null } });
  };
  const steps = test.data?.outcome.steps as Record<string, TStepOutput> | undefined;

  return { run, steps, result: test.data, isPending: test.isPending, error: test.error };
}
