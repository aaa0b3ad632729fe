import { auditQueries, newId, type TAuditActorKind, type TAuditEntry } from '@uw/db';

import type { TApiDeps } from '../../deps';
import type { TCaller } from '../auth/caller';
import { AUDITED, NOT_AUDITED, type TAuditAction, type TAuditFacts } from './audit-actions';

const GENERIC: TAuditAction = {
  targetType: 'other',
  targetId: ({ input, output }) => (input?.id ?? output?.id ?? null) as string | null,
  summary: () => 'changed',
};

/** The audit description of a mutation, or null when `NOT_AUDITED` names it. Unknown mutations get a generic one. */
export function auditActionFor(path: string): TAuditAction | null {
  if (path in NOT_AUDITED) return null;

  return AUDITED[path] ?? { ...GENERIC, summary: () => path };
}

export function actorOf(caller: TCaller): { actorKind: TAuditActorKind; actorId: string | null } {
  if (caller.via === 'service_key') return { actorKind: 'service_key', actorId: caller.key?.id ?? null };

  return { actorKind: caller.via === 'dev' ? 'dev' : 'user', actorId: caller.userId };
}

const asRecord = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

/** Reads what `action.before` needs; a failed read leaves the entry without it rather than failing the change. */
export async function readBefore(deps: TApiDeps, caller: TCaller, change: { action: TAuditAction; input: unknown }) {
  const { action, input } = change;
  if (!action.before) return null;
  try {
    return await action.before(deps.db, caller.workspaceId, asRecord(input));
  } catch (err) {
    deps.logger.warn({ err }, 'audit: reading the state before a change failed');

    return null;
  }
}

/**
 * Inserts one entry. The change is already committed, so a failed write is logged (with its stack) and does
 * not turn the caller's success into an error.
 */
async function writeEntry(deps: TApiDeps, entry: Omit<TAuditEntry, 'id' | 'at'>): Promise<void> {
  try {
    await auditQueries.insertAuditEntry(deps.db, { id: newId(), at: Date.now(), ...entry });
  } catch (err) {
    deps.logger.error({ err, action: entry.action }, 'audit: recording a change failed');
  }
}

/** Writes one entry after a successful change, described by `action`. */
export async function recordAudit(
  deps: TApiDeps,
  caller: TCaller,
  change: { path: string; action: TAuditAction; input: unknown; output: unknown; before: unknown },
): Promise<void> {
  const facts: TAuditFacts = { input: asRecord(change.input), output: asRecord(change.output), before: asRecord(change.before) };
  const { action } = change;
  await writeEntry(deps, {
    workspaceId: caller.workspaceId,
    ...actorOf(caller),
    action: change.path,
    targetType: action.targetType,
    targetId: action.targetId(facts)?.slice(0, 64) ?? null,
    summary: action.summary(facts).slice(0, 256),
    details: action.details?.(facts) ?? {},
  });
}

/** A change Clockify told us about (settings saved there, status changes, uninstall): the actor is Clockify. */
export async function recordClockifyChange(
  deps: TApiDeps,
  workspaceId: string,
  change: { action: string; summary: string; details?: Record<string, unknown> },
): Promise<void> {
  await writeEntry(deps, {
    workspaceId,
    actorKind: 'clockify',
    actorId: null,
    action: change.action,
    targetType: 'installation',
    targetId: null,
    summary: change.summary.slice(0, 256),
    details: change.details ?? {},
  });
}
