import type { TDatabase } from '../database';
import { Flow, FlowVersion, type TFlow, type TFlowVersion } from '../entities';

/** The workspace's flows that are not deleted, newest first. */
export async function listFlows(db: TDatabase, workspaceId: string): Promise<TFlow[]> {
  return db.fork().find(Flow, { workspaceId, deletedAt: null }, { orderBy: { createdAt: 'desc' } });
}

/** One of the workspace's flows unless deleted, or null. */
export async function findFlow(db: TDatabase, workspaceId: string, id: string): Promise<TFlow | null> {
  return db.fork().findOne(Flow, { id, workspaceId, deletedAt: null });
}

/** A version of one of the workspace's flows, by its id or by flow and number. */
export async function findVersion(
  db: TDatabase,
  workspaceId: string,
  which: { id: string } | { flowId: string; version: number },
): Promise<TFlowVersion | null> {
  return db.fork().findOne(FlowVersion, { ...which, workspaceId });
}

/** A flow's versions, newest first. */
export async function listVersions(db: TDatabase, workspaceId: string, flowId: string): Promise<TFlowVersion[]> {
  return db.fork().find(FlowVersion, { flowId, workspaceId }, { orderBy: { version: 'desc' } });
}

/** A flow to insert: its limits are optional (none by default), its start counter starts empty. */
export type TNewFlow = Omit<TFlow, 'maxConcurrent' | 'maxPerMinute' | 'minuteStartedAt' | 'minuteStarts'> &
  Partial<Pick<TFlow, 'maxConcurrent' | 'maxPerMinute'>>;

/** A new flow with its first version, in one transaction. */
export async function insertFlow(db: TDatabase, flow: TNewFlow, version: TFlowVersion): Promise<void> {
  if (flow.workspaceId !== version.workspaceId) throw new Error('a flow and its version belong to one workspace');
  await db.fork().transactional(async (em) => {
    em.create(FlowVersion, version);
    em.create(Flow, flow);
  });
}

export type TFlowPatch = Partial<Pick<TFlow, 'name' | 'description' | 'enabled' | 'updatedAt' | 'maxConcurrent' | 'maxPerMinute'>>;

/**
 * Updates a flow's fields and, with `version`, adds that version and makes it current, in one transaction.
 */
export async function updateFlow(
  db: TDatabase,
  workspaceId: string,
  args: { id: string; patch: TFlowPatch; version?: TFlowVersion },
): Promise<void> {
  const { id, version } = args;
  await db.fork().transactional(async (em) => {
    const patch: Partial<TFlow> = { ...args.patch };
    if (version) {
      em.create(FlowVersion, { ...version, workspaceId, flowId: id });
      Object.assign(patch, { currentVersionId: version.id, currentVersion: version.version });
    }
    await em.nativeUpdate(Flow, { id, workspaceId }, patch);
  });
}

/** Soft delete: the flow is kept (its executions name it) but disabled and hidden. */
export async function markFlowDeleted(db: TDatabase, workspaceId: string, args: { id: string; now: number }): Promise<void> {
  const { id, now } = args;
  await db.fork().nativeUpdate(Flow, { id, workspaceId }, { deletedAt: now, enabled: false, updatedAt: now });
}
