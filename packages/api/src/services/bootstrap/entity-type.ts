/** Path segments that qualify a listing rather than name what it lists (`/time-entries/status/in-progress`). */
const QUALIFIERS = new Set(['v1', 'status', 'in-progress', 'all', 'in-period']);
/** Nouns too generic alone: they take their parent's name (`/expenses/categories` → `expense_category`). */
const GENERIC = new Set(['settings', 'categories', 'policies']);
/** `/v1/user` is the add-on's own user, not a workspace member: kept apart from the `user` picker. */
const SPECIAL: Record<string, string> = { '/v1/user': 'current_user' };

function singular(word: string): string {
  if (word === 'settings') return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);

  return word;
}

const snake = (s: string) => s.replace(/-/g, '_');

/**
 * The cache's entity type for what a GET path lists, derived from the path: its last noun, singular and
 * snake_case (`/v1/workspaces/{workspaceId}/user-groups` → `user_group`). Matches the names of
 * `cacheEffectOfEvent` for the entities webhooks describe (project, client, tag, user, time_entry…).
 */
export function entityTypeOfPath(path: string): string {
  const special = SPECIAL[path];
  if (special) return special;
  const nouns = path.split('/').filter((s) => s !== '' && !s.startsWith('{') && !QUALIFIERS.has(s));
  const last = nouns[nouns.length - 1] ?? 'entity';
  const parent = nouns[nouns.length - 2];
  const name = GENERIC.has(last) && parent && parent !== 'workspaces' ? `${singular(parent)}_${singular(last)}` : singular(last);

  return snake(name).slice(0, 64);
}
