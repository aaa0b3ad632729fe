import { badRequest, notFound } from '../http-error';

/** Shared bits of the CRUD handlers. */
export function findOr404<T extends { id: string }>(items: readonly T[], id: string | undefined, label: string): T {
  const found = items.find((i) => i.id === id);
  if (!found) {
    throw notFound(label);
  }

  return found;
}

export function assertUniqueName(
  items: readonly { id: string; name: string }[],
  candidate: { name: string; label: string; exceptId?: string },
): void {
  const { name, label, exceptId } = candidate;
  if (items.some((i) => i.id !== exceptId && i.name.toLowerCase() === name.toLowerCase())) {
    throw badRequest(`${label} with name '${name}' already exists`);
  }
}

export const bodyOf = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' ? (body as Record<string, unknown>) : {};

/** Copies the keys of `patch` that are present (not undefined) and allowed onto `target`. */
export function assign<T extends object>(target: T, patch: Record<string, unknown>, keys: readonly (keyof T & string)[]): T {
  for (const key of keys) {
    if (patch[key] !== undefined) {
      (target as Record<string, unknown>)[key] = patch[key];
    }
  }

  return target;
}
