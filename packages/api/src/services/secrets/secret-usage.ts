import { secretQueries } from '@uw/db';
import { secretNamesOf, type TFlowDefinition } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';

export type TFlowRef = { id: string; name: string };

/** Secret name → the flows (not deleted) whose current version calls `$secret("name")`, by flow name. */
export async function secretUsage(deps: TApiDeps, workspaceId: string): Promise<Map<string, TFlowRef[]>> {
  const usage = new Map<string, TFlowRef[]>();
  for (const flow of await secretQueries.listCurrentDefinitions(deps.db, workspaceId)) {
    for (const name of secretNamesOf(flow.definition)) {
      const refs = usage.get(name) ?? [];
      refs.push({ id: flow.flowId, name: flow.name });
      usage.set(name, refs);
    }
  }

  return usage;
}

/** The workspace's secret names when `definition` calls `$secret` (for `validateFlow`'s `secrets`); else none needed. */
export async function knownSecretNames(deps: TApiDeps, workspaceId: string, definition: TFlowDefinition): Promise<string[] | undefined> {
  if (secretNamesOf(definition).length === 0) return undefined;

  return (await secretQueries.listSecrets(deps.db, workspaceId)).map((s) => s.name);
}
