import { normalizeSchema } from './normalize-schema';

type TNode = Record<string, unknown>;

/**
 * The emptiest value a (normalized) schema accepts: [] for arrays, an object holding only its required
 * properties, '' / 0 / false for scalars (the first enum value when there is one). Used by the generic
 * fallback so an operation without a real handler still answers with a valid shape.
 */
export function emptyOf(schema: unknown): unknown {
  return build(normalizeSchema(schema), 0);
}

function build(node: TNode, depth: number): unknown {
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    return node.enum[0];
  }
  if (node.default !== undefined) {
    return node.default;
  }
  switch (node.type) {
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return objectOf(node, depth);
    default:
      return node.properties ? objectOf(node, depth) : {};
  }
}

function objectOf(node: TNode, depth: number): Record<string, unknown> {
  const properties = (node.properties ?? {}) as Record<string, TNode>;
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  if (depth > 8) {
    return {};
  }

  return Object.fromEntries(required.map((name) => [name, properties[name] ? build(properties[name], depth + 1) : null]));
}
