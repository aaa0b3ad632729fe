import { flattenSchema, isFieldset, itemSchemaOf, mainType, pathText } from './schema-kind';
import type { TFieldPath, TJsonSchema } from './types';

/** Not set: left out of what is sent. */
export const isUnset = (v: unknown) => v === undefined || v === '';

export function getAt(root: unknown, path: TFieldPath): unknown {
  return path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    root,
  );
}

/** A copy of `root` with `value` at `path` (objects and arrays created on the way); `undefined` removes an object key. */
export function setAt(root: unknown, path: TFieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[key] = setAt(list[key], rest, value);

    return list;
  }
  const obj = root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setAt(obj[key], rest, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;

  return obj;
}

/** A copy of the array at `path` without item `index`. */
export function removeAt(root: unknown, path: TFieldPath, index: number): unknown {
  const list = getAt(root, path);

  return setAt(root, path, Array.isArray(list) ? list.filter((_, i) => i !== index) : []);
}

/** What a new array item starts as: an empty object or list, else unset. Never an invented value. */
export function emptyValueOf(schema: TJsonSchema): unknown {
  const type = mainType(flattenSchema(schema));

  return type === 'object' ? {} : type === 'array' ? [] : undefined;
}

/**
 * What is sent: unset leaves ('' and undefined) dropped, then objects and arrays left empty by that dropped too.
 * `null`, `false` and `0` are values. The root object stays (as `{}`) even when empty.
 */
export function pruneValue(value: unknown, isRoot = true): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => pruneValue(v, false)).filter((v) => v !== undefined);

    return items.length === 0 && !isRoot ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, pruneValue(v, false)] as const)
      .filter(([, v]) => v !== undefined);

    return entries.length === 0 && !isRoot ? undefined : Object.fromEntries(entries);
  }

  return isUnset(value) ? undefined : value;
}

/**
 * The paths (`name`, `tasks[0].name`) of required fields that are not set once the value is pruned, walking into
 * objects the user started (an optional object left empty is not asked for).
 */
export function missingRequired(schema: TJsonSchema | undefined, value: unknown, base: TFieldPath = []): string[] {
  const s = flattenSchema(schema);
  const pruned = base.length === 0 ? pruneValue(value) : value;
  if (isFieldset(s)) {
    const obj = pruned !== null && typeof pruned === 'object' && !Array.isArray(pruned) ? (pruned as Record<string, unknown>) : {};
    const here = (s.required ?? []).filter((name) => obj[name] === undefined).map((name) => pathText([...base, name]));
    const below = Object.entries(s.properties ?? {}).flatMap(([name, sub]) =>
      obj[name] === undefined ? [] : missingRequired(sub, obj[name], [...base, name]),
    );

    return [...here, ...below];
  }
  const items = itemSchemaOf(s);
  if (items && Array.isArray(pruned)) return pruned.flatMap((item, i) => missingRequired(items, item, [...base, i]));

  return [];
}
