import { normalizeSchemaNode } from './normalize-schema';

/** Marks where a recursive schema was cut: the placeholder accepts any value. */
export const CIRCULAR_REF_KEY = 'x-circular-ref';
/** Marks a `$ref` that could not be followed (external or dangling): the placeholder accepts any value. */
export const UNRESOLVED_REF_KEY = 'x-unresolved-ref';

type TState = { cuts: Set<string> };

const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);
const MAP_KEYS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'responses', 'content']);

/** Follows a local JSON pointer (`#/components/schemas/X`); `undefined` when it leads nowhere. */
export function followPointer(doc: unknown, ref: string): unknown {
  if (ref === '#') return doc;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }

  return node;
}

/**
 * Returns a resolver that copies any part of the document with every local `$ref` replaced by its target.
 * A reference back into a target still being expanded becomes `{ 'x-circular-ref': ref }`, so recursive
 * schemas stay finite. Targets expanded without such a cut are shared between callers (treat them as read-only).
 */
export function createRefResolver(doc: unknown, warn: (message: string) => void) {
  const memo = new Map<string, unknown>();
  const stack: string[] = [];
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) {
      warned.add(message);
      warn(message);
    }
  };

  const resolveRef = (ref: string, state: TState): unknown => {
    if (stack.includes(ref)) {
      state.cuts.add(ref);

      return { [CIRCULAR_REF_KEY]: ref, description: `recursive reference to ${ref} (not expanded)` };
    }
    if (memo.has(ref)) return memo.get(ref);
    const target = ref.startsWith('#') ? followPointer(doc, ref) : undefined;
    if (target === undefined) {
      warnOnce(ref.startsWith('#') ? `$ref ${ref} points nowhere` : `external $ref ${ref} is not supported`);

      return { [UNRESOLVED_REF_KEY]: ref };
    }
    stack.push(ref);
    const inner: TState = { cuts: new Set() };
    const out = visit(target, inner);
    stack.pop();
    inner.cuts.delete(ref);
    if (inner.cuts.size === 0) {
      memo.set(ref, out);
    } else {
      inner.cuts.forEach((c) => state.cuts.add(c));
    }

    return out;
  };

  /** `isMap`: the node maps names to schemas (`properties`, `components.schemas`…), so no key of it is data. */
  const visit = (node: unknown, state: TState, isMap = false): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, state));
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string') return resolveRef(obj.$ref, state);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) {
      // Examples, defaults and enums are data, not schema: copied untouched.
      out[key] = !isMap && DATA_KEYS.has(key) ? value : visit(value, state, MAP_KEYS.has(key) && !isMap);
    }

    return isMap ? out : normalizeSchemaNode(out);
  };

  return (node: unknown): unknown => visit(node, { cuts: new Set() });
}
