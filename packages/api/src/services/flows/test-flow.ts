import { restoreMaskedHeaders, type TFlowDefinition } from '@uw/flow-engine';

import type { TRuntime } from '../../runtime';
import { UserError } from '../../errors';
import { dryRunFlow, type TDryRunInput } from './dry-run';
import { currentDefinition } from './flow-store';
import { showDryRun } from './masking';

export type TTestFlowInput = Omit<TDryRunInput, 'definition'> & { id?: string; definition?: TFlowDefinition };

/**
 * `flows.test`: a dry run of a saved flow (by id) or of an edited document, against a logged webhook or a sample
 * event. An edited document comes back masked: its headers take the saved flow's values when there is one.
 */
export async function testFlow(runtime: TRuntime, scope: { workspaceId: string; userId: string | null }, input: TTestFlowInput) {
  const stored = input.id ? await currentDefinition(runtime.deps, scope, { flowId: input.id }) : null;
  const definition = input.definition ? restoreMaskedHeaders(input.definition, stored).definition : stored;
  if (!definition) throw new UserError('VALIDATION_FAILED', 'send the id of a saved flow or a definition');
  const result = await dryRunFlow(runtime, scope.workspaceId, { definition, webhookId: input.webhookId, sample: input.sample });

  return showDryRun(result);
}
