import { UniqueConstraintViolationException } from '@mikro-orm/core';

import type { TDatabase } from '../database';
import { Flow, FlowVersion, Secret, type TFlowVersion, type TSecret } from '../entities';

/** The workspace's secrets by name (ciphertexts included: callers never send them out). */
export async function listSecrets(db: TDatabase, workspaceId: string): Promise<TSecret[]> {
  return db.fork().find(Secret, { workspaceId }, { orderBy: { name: 'asc' } });
}

export async function findSecret(db: TDatabase, workspaceId: string, id: string): Promise<TSecret | null> {
  return db.fork().findOne(Secret, { workspaceId, id });
}

/** The workspace's secrets with these names (absent names are simply not in the answer). */
export async function findSecretsByName(db: TDatabase, workspaceId: string, names: readonly string[]): Promise<TSecret[]> {
  if (names.length === 0) return [];

  return db.fork().find(Secret, { workspaceId, name: { $in: [...names] } });
}

/** Inserts a secret; false when the workspace already has one with that name. */
export async function insertSecret(db: TDatabase, row: TSecret): Promise<boolean> {
  try {
    await db.fork().insert(Secret, row);

    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}

export type TSecretPatch = Partial<Pick<TSecret, 'valueCipher' | 'description'>> & Pick<TSecret, 'updatedAt' | 'updatedBy'>;

/** Changes a secret's value and/or description; false when it does not exist (in this workspace). */
export async function updateSecret(
  db: TDatabase,
  { workspaceId, id }: { workspaceId: string; id: string },
  patch: TSecretPatch,
): Promise<boolean> {
  return (await db.fork().nativeUpdate(Secret, { workspaceId, id }, patch)) > 0;
}

export async function deleteSecret(db: TDatabase, workspaceId: string, id: string): Promise<boolean> {
  return (await db.fork().nativeDelete(Secret, { workspaceId, id })) > 0;
}

export type TCurrentDefinition = { flowId: string; name: string; definition: TFlowVersion['definition'] };

/** Each flow of the workspace that is not deleted, with its current version's definition (for `$secret` usage). */
export async function listCurrentDefinitions(db: TDatabase, workspaceId: string): Promise<TCurrentDefinition[]> {
  const em = db.fork();
  const flows = await em.find(
    Flow,
    { workspaceId, deletedAt: null },
    { fields: ['id', 'name', 'currentVersionId'], orderBy: { name: 'asc' } },
  );
  if (flows.length === 0) return [];
  const versions = await em.find(
    FlowVersion,
    { workspaceId, id: { $in: flows.map((f) => f.currentVersionId) } },
    { fields: ['id', 'definition'] },
  );
  const byId = new Map(versions.map((v) => [v.id, v.definition]));

  return flows.flatMap((f) => {
    const definition = byId.get(f.currentVersionId);

    return definition ? [{ flowId: f.id, name: f.name, definition }] : [];
  });
}
