import type { z } from 'zod';

import { auditQueries, entityCacheQueries, serviceKeyQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import type { ZAuditListInputSchema, ZAuditPageSchema } from '../../schemas/audit.schemas';

type TInput = z.output<typeof ZAuditListInputSchema>;

/** A page of the workspace's audit trail, newest first, with actors named where the cache or the keys know them. */
export async function listAudit(deps: TApiDeps, workspaceId: string, input: TInput): Promise<z.output<typeof ZAuditPageSchema>> {
  const { cursor, limit, ...filter } = input;
  const rows = await auditQueries.listAuditEntries(deps.db, workspaceId, { ...filter, before: cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const names = await actorNames(deps, workspaceId, page);

  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actorKind, id: r.actorId ?? null, name: r.actorId ? (names.get(r.actorId) ?? null) : null },
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId ?? null,
      summary: r.summary,
      details: r.details,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

async function actorNames(deps: TApiDeps, workspaceId: string, rows: { actorKind: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (rows.some((r) => r.actorKind === 'user' || r.actorKind === 'dev')) {
    for (const u of await entityCacheQueries.listCachedUsers(deps.db, workspaceId)) if (u.name) names.set(u.id, u.name);
  }
  if (rows.some((r) => r.actorKind === 'service_key')) {
    for (const k of await serviceKeyQueries.listKeys(deps.db, workspaceId)) names.set(k.id, k.name);
  }

  return names;
}
