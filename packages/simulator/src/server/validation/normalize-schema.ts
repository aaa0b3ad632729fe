import { normalizeSchemaNode } from '@uw/clockify';

import type { TJsonSchema } from '../../catalogue/types';

type TNode = Record<string, unknown>;
const isObject = (v: unknown): v is TNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

/**
 * Clockify's OpenAPI document has a few shapes that reject what its API really returns; this repairs them
 * before ajv sees them (documented, so a real shape difference is never hidden):
 * - enums written as `type: object` + `oneOf: [{ type: string, enum }]` (AccountStatus, TaskStatus, …) → the string
 *   enum, by @uw/clockify's `normalizeSchemaNode` (the one repair the catalogue itself applies);
 * - `type: object` with no properties (Java `Object`: custom-field values) → any value;
 * - self-referencing `oneOf` (FeaturePlan) and any cycle or unresolved `$ref` (also as @uw/clockify marks them:
 *   `x-circular-ref`, `x-unresolved-ref`) → any value.
 */
export function normalizeSchema(schema: unknown): TJsonSchema {
  const done = new WeakMap<object, unknown>();
  const onPath = new Set<object>();

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(walk);
    }
    if (!isObject(node)) {
      return node;
    }
    if (onPath.has(node)) {
      return {};
    }
    if (done.has(node)) {
      return done.get(node);
    }
    onPath.add(node);
    const out = repair(node, walk);
    onPath.delete(node);
    done.set(node, out);

    return out;
  };

  const result = walk(schema);

  return isObject(result) ? result : {};
}

function repair(raw: TNode, walk: (n: unknown) => unknown): TNode {
  if (typeof raw.$ref === 'string' || 'x-circular-ref' in raw || 'x-unresolved-ref' in raw) {
    return {};
  }
  const node = normalizeSchemaNode(raw);
  const union = (node.oneOf ?? node.anyOf) as unknown;
  if (Array.isArray(union) && union.length > 0 && union.map(walk).some(isEmpty)) {
    return {};
  }
  if (node.type === 'object' && !node.properties && !node.additionalProperties && !node.items) {
    return {};
  }
  const out: TNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = walk(value);
    } else if (key !== 'discriminator' && key !== 'example' && key !== 'xml') {
      out[key] = value;
    }
  }

  return out;
}
