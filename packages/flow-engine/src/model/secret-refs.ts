import { HEADER_VALUE_MASK } from './masked-headers';

/** The JSONata function an action field calls to use a workspace secret: `$secret("name")`. */
export const SECRET_FUNCTION = 'secret';

/** A secret's name: a letter or digit, then up to 63 letters, digits, `_`, `-` or `.`. */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const OPEN = '⟦secret:';
const CLOSE = '⟧';
const PLACEHOLDERS = /⟦secret:([A-Za-z0-9_-]*):([A-Za-z0-9][A-Za-z0-9_.-]{0,63})⟧/g;

/** One placeholder found in a request: the marker it was made with and the secret it stands for. */
export type TSecretRef = { marker: string; name: string };

/**
 * What `$secret("name")` evaluates to: a placeholder, never the value. The caller's port swaps
 * placeholders carrying its own `marker` (a nonce the payload cannot know) for the values just before
 * the request leaves; everything recorded shows `••••` instead (`maskSecretRefs`).
 */
export function secretPlaceholder(marker: string, name: string): string {
  return `${OPEN}${marker}:${name}${CLOSE}`;
}

/** The text before and after the name, as JSONata string literals, for binding `$secret`. */
export function secretPlaceholderParts(marker: string): { open: string; close: string } {
  return { open: `${OPEN}${marker}:`, close: CLOSE };
}

export function startsWithSecretRef(text: string): boolean {
  return text.startsWith(OPEN);
}

function replaceIn(text: string, replace: (ref: TSecretRef) => string): string {
  if (!text.includes(OPEN)) return text;

  return text.replace(PLACEHOLDERS, (_match, marker: string, name: string) => replace({ marker, name }));
}

/**
 * A copy of `value` (a request: strings, arrays, plain objects; keys too) with every placeholder
 * replaced by what `replace` returns for it. Values without placeholders are returned as they are.
 */
export function replaceSecretRefs<T>(value: T, replace: (ref: TSecretRef) => string): T {
  if (typeof value === 'string') return replaceIn(value, replace) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => replaceSecretRefs(item, replace)) as T;
  if (!value || typeof value !== 'object') return value;

  return Object.fromEntries(Object.entries(value).map(([key, item]) => [replaceIn(key, replace), replaceSecretRefs(item, replace)])) as T;
}

/** Every placeholder in `value` (any marker), in order of appearance. */
export function listSecretRefs(value: unknown): TSecretRef[] {
  const refs: TSecretRef[] = [];
  replaceSecretRefs(value, (ref) => {
    refs.push(ref);

    return '';
  });

  return refs;
}

/** `value` as it may be recorded or shown: each placeholder becomes `••••`. */
export function maskSecretRefs<T>(value: T): T {
  return replaceSecretRefs(value, () => HEADER_VALUE_MASK);
}
