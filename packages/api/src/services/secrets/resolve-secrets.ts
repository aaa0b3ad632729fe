import { secretQueries } from '@uw/db';
import {
  listSecretRefs,
  replaceSecretRefs,
  secretNamesOfNode,
  secretPlaceholder,
  type TFlowDefinition,
  type TSecretRef,
} from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { StepError } from '../queue/step-error';
import { secretAad } from './secret-store';

export type TSecretScope = {
  workspaceId: string;
  /** This process's placeholder marker (`TRuntime.secretMarker`): placeholders with another are left as text. */
  marker: string;
  /** The version being run: a node may only send the secrets its own fields name. */
  definition: () => Promise<TFlowDefinition | null>;
};

export type TResolved<T> = { request: T; values: string[] };

async function allowedNames(scope: TSecretScope, nodeId: string): Promise<Set<string>> {
  const node = (await scope.definition())?.nodes.find((n) => n.id === nodeId);

  return new Set(node ? secretNamesOfNode(node) : []);
}

function refused(message: string, code: string): StepError {
  // Not retried: the same request would fail the same way until an admin acts.
  return new StepError(message, code, { retryable: false });
}

/**
 * Swaps the `$secret` placeholders of a request about to be sent (this process's marker only) for the
 * values, read and decrypted now, so a rotation applies to the next send. Returns the values too, for
 * masking what comes back. A secret that does not exist fails the step with SECRET_MISSING, not retried.
 */
export async function resolveSecrets<T>(
  deps: TApiDeps,
  scope: TSecretScope,
  { request, nodeId }: { request: T; nodeId: string },
): Promise<TResolved<T>> {
  const ours = listSecretRefs(request).filter((ref) => ref.marker === scope.marker);
  if (ours.length === 0) return { request, values: [] };
  const names = [...new Set(ours.map((ref) => ref.name))];
  const allowed = await allowedNames(scope, nodeId);
  const foreign = names.find((name) => !allowed.has(name));
  if (foreign) throw refused(`secret "${foreign}" is not named by this action's fields`, 'SECRET_NOT_REFERENCED');
  const rows = await secretQueries.findSecretsByName(deps.db, scope.workspaceId, names);
  const values = new Map<string, string>();
  for (const row of rows) {
    try {
      values.set(row.name, deps.cipher.decrypt(row.valueCipher, secretAad(scope.workspaceId, row.id)));
    } catch (error) {
      throw refused(`secret "${row.name}" cannot be decrypted (${(error as Error).message}): set its value again`, 'SECRET_UNREADABLE');
    }
  }
  const missing = names.filter((name) => !values.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw refused(
      `secret ${list} does not exist in this workspace (deleted, or never created): create it under Settings → Secrets, then retry the execution`,
      'SECRET_MISSING',
    );
  }
  const resolved = replaceSecretRefs(request, (ref: TSecretRef) =>
    ref.marker === scope.marker ? values.get(ref.name)! : secretPlaceholder(ref.marker, ref.name),
  );

  return { request: resolved, values: [...values.values()] };
}
