import { newId, secretQueries, type TSecret } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { notFound, UserError } from '../../errors';
import type { TCreateSecretRequest, TSecretView, TUpdateSecretRequest } from '../../schemas/secrets.schemas';
import type { TCaller } from '../auth/caller';
import { secretUsage, type TFlowRef } from './secret-usage';

/** The AAD of a secret's ciphertext: the row copied to another workspace or secret does not decrypt. */
export const secretAad = (workspaceId: string, id: string) => `${workspaceId}:secret:${id}`;

/** Who changed it: the Clockify user, or the service key. */
const actorOf = (caller: TCaller) => caller.userId ?? (caller.key ? `key:${caller.key.id}` : null);

function toView({ valueCipher: _cipher, workspaceId: _ws, ...row }: TSecret, usedBy: TFlowRef[]): TSecretView {
  return {
    ...row,
    description: row.description ?? null,
    createdBy: row.createdBy ?? null,
    updatedBy: row.updatedBy ?? null,
    usedBy,
  };
}

/** The workspace's secrets (never their values), each with the flows that use it. */
export async function listSecrets(deps: TApiDeps, caller: TCaller): Promise<TSecretView[]> {
  const [rows, usage] = await Promise.all([secretQueries.listSecrets(deps.db, caller.workspaceId), secretUsage(deps, caller.workspaceId)]);

  return rows.map((row) => toView(row, usage.get(row.name) ?? []));
}

export async function createSecret(deps: TApiDeps, caller: TCaller, input: TCreateSecretRequest): Promise<TSecretView> {
  const now = Date.now();
  const id = newId();
  const row: TSecret = {
    id,
    workspaceId: caller.workspaceId,
    name: input.name,
    description: input.description || null,
    valueCipher: deps.cipher.encrypt(input.value, secretAad(caller.workspaceId, id)),
    createdAt: now,
    createdBy: actorOf(caller),
    updatedAt: now,
    updatedBy: actorOf(caller),
  };
  if (!(await secretQueries.insertSecret(deps.db, row))) {
    throw new UserError('CONFLICT', `a secret named "${input.name}" already exists: update its value instead`);
  }

  return toView(row, (await secretUsage(deps, caller.workspaceId)).get(row.name) ?? []);
}

async function findOrThrow(deps: TApiDeps, caller: TCaller, id: string): Promise<TSecret> {
  const row = await secretQueries.findSecret(deps.db, caller.workspaceId, id);
  if (!row) throw notFound('secret');

  return row;
}

/** A new value (rotation: the next request sent uses it) and/or description. */
export async function updateSecret(deps: TApiDeps, caller: TCaller, input: TUpdateSecretRequest): Promise<TSecretView> {
  const row = await findOrThrow(deps, caller, input.id);
  const { value, description } = input.data;
  const patch = {
    ...(value === undefined ? {} : { valueCipher: deps.cipher.encrypt(value, secretAad(caller.workspaceId, row.id)) }),
    ...(description === undefined ? {} : { description: description || null }),
    updatedAt: Date.now(),
    updatedBy: actorOf(caller),
  };
  if (!(await secretQueries.updateSecret(deps.db, { workspaceId: caller.workspaceId, id: row.id }, patch))) throw notFound('secret');

  return toView({ ...row, ...patch }, (await secretUsage(deps, caller.workspaceId)).get(row.name) ?? []);
}

/** Refused while a flow's current version uses it (the error names them); otherwise gone for good. */
export async function deleteSecret(deps: TApiDeps, caller: TCaller, id: string) {
  const row = await findOrThrow(deps, caller, id);
  const usedBy = (await secretUsage(deps, caller.workspaceId)).get(row.name) ?? [];
  if (usedBy.length > 0) {
    const names = usedBy.map((f) => `"${f.name}"`).join(', ');
    throw new UserError(
      'CONFLICT',
      `secret "${row.name}" is used by ${usedBy.length} flow(s): ${names}. Remove $secret("${row.name}") from them first`,
      {
        flows: usedBy,
      },
    );
  }
  await secretQueries.deleteSecret(deps.db, caller.workspaceId, row.id);

  return { id: row.id, deleted: true as const };
}
