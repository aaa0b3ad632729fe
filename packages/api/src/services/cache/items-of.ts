type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Arrays directly under `body` and one level below, with their keys. */
function arraysOf(body: Obj): { key: string; list: unknown[] }[] {
  const found: { key: string; list: unknown[] }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) found.push({ key, list: value });
  }
  for (const value of Object.values(body)) {
    if (!isObj(value)) continue;
    for (const [key, inner] of Object.entries(value)) {
      if (Array.isArray(inner)) found.push({ key, list: inner });
    }
  }

  return found;
}

/**
 * The entities in a Clockify answer: the body when it is a list; the body when it is one entity (has an
 * id); else the list named like the path's last noun (`{ expenses: { expenses: [...] } }`,
 * `{ reports: [...] }` for shared-reports); else the first list of objects with ids. `null` when the body
 * is a single object with no id (a settings document).
 */
export function itemsOf(body: unknown, path: string): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (!isObj(body)) return [];
  if (typeof body.id === 'string') return [body];
  const last =
    path
      .split('/')
      .filter((s) => s !== '' && !s.startsWith('{'))
      .pop() ?? '';
  const names = new Set([camel(last), camel(last.split('-').pop() ?? '')]);
  const arrays = arraysOf(body);
  const named = arrays.find((a) => names.has(a.key));
  if (named) return named.list;
  const withIds = arrays.find((a) => a.list.length > 0 && a.list.every((x) => isObj(x) && typeof x.id === 'string'));
  if (withIds) return withIds.list;

  return arrays.length === 0 ? null : [];
}

/** An entity's id: `id` (or `_id`), as a string. */
export function idOf(item: unknown): string | null {
  if (!isObj(item)) return null;
  const id = item.id ?? item._id;

  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : null;
}

/** What pickers search by: `name`, else `title`, `description` or `email`. */
export function nameOf(item: unknown): string | null {
  if (!isObj(item)) return null;
  for (const key of ['name', 'title', 'description', 'email']) {
    const v = item[key];
    if (typeof v === 'string' && v !== '') return v.slice(0, 256);
  }

  return null;
}

export type TEntityOfPage = { entityType: string; entityId: string; name: string | null; data: unknown };

/**
 * A page of a Clockify answer as cache entities of `entityType`. A settings document (one object, no id)
 * is one entity keyed by the workspace id. Only the installation's own workspace is kept from
 * `/v1/workspaces` (a user may see others). Items without an id are skipped.
 */
export function entitiesOf(
  body: unknown,
  ctx: { path: string; entityType: string; workspaceId: string },
): { items: number; entities: TEntityOfPage[] } {
  const items = itemsOf(body, ctx.path);
  if (items === null) return { items: 1, entities: [{ entityType: ctx.entityType, entityId: ctx.workspaceId, name: null, data: body }] };
  const entities: TEntityOfPage[] = [];
  // Some listings wrap each entity with extras (`{ approvalRequest: {...}, trackedTime }`): its id is inside.
  const wrapper = camel(ctx.entityType.replace(/_/g, '-'));
  for (const item of items) {
    const inner = isObj(item) ? item[wrapper] : undefined;
    const id = idOf(item) ?? idOf(inner);
    if (id === null || (ctx.entityType === 'workspace' && id !== ctx.workspaceId)) continue;
    entities.push({ entityType: ctx.entityType, entityId: id, name: nameOf(item) ?? nameOf(inner), data: item });
  }

  return { items: items.length, entities };
}
