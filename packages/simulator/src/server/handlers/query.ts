import type { THandlerResult } from './types';

/** Express gives query values as strings or arrays of strings. */
export function str(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (Array.isArray(v)) {
    return v.length > 0 ? String(v[0]) : undefined;
  }

  return v === undefined || v === '' ? undefined : String(v);
}

export function bool(query: Record<string, unknown>, name: string): boolean | undefined {
  const v = str(query, name);

  return v === undefined ? undefined : v === 'true' || v === '1';
}

export function list(query: Record<string, unknown>, name: string): string[] {
  const v = query[name];
  const values = Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

  return values.flatMap((s) => s.split(',')).filter((s) => s.length > 0);
}

const contains = (haystack: string, needle: string | undefined) => !needle || haystack.toLowerCase().includes(needle.toLowerCase());
export const nameMatches = (name: string, query: Record<string, unknown>) =>
  bool(query, 'strict-name-search') ? !str(query, 'name') || name === str(query, 'name') : contains(name, str(query, 'name'));

/** `page` (1-based) and `page-size` (default 50, or the operation's own default), with the `Last-Page` header. */
export function paged<T>(items: readonly T[], query: Record<string, unknown>, defaultSize = 50): THandlerResult & { body: T[] } {
  const page = Math.max(1, Number.parseInt(str(query, 'page') ?? '1', 10) || 1);
  const size = Math.max(1, Number.parseInt(str(query, 'page-size') ?? String(defaultSize), 10) || defaultSize);
  const start = (page - 1) * size;
  const body = items.slice(start, start + size);

  return { body, headers: { 'Last-Page': String(start + size >= items.length) } };
}

export const sortByName = <T extends { name: string }>(items: T[], query: Record<string, unknown>): T[] => {
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));

  return str(query, 'sort-order') === 'DESCENDING' ? sorted.reverse() : sorted;
};
