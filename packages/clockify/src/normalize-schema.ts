const isScalarSchema = (s: unknown): s is Record<string, unknown> =>
  !!s &&
  typeof s === 'object' &&
  typeof (s as Record<string, unknown>).type === 'string' &&
  (s as Record<string, unknown>).type !== 'object';

/**
 * Repairs a pattern in Clockify's document: Java enums published as
 * `{ type: 'object', oneOf: [{ type: 'string', enum: [...] }], properties: { ACTIVE: ... } }`.
 * No value can be both an object and a string, so taken literally nothing would validate; the wire format
 * is the string. Such a node becomes its scalar alternative(s), keeping the description and example.
 */
export function normalizeSchemaNode(node: Record<string, unknown>): Record<string, unknown> {
  const alternatives = node.oneOf;
  if (node.type !== 'object' || !Array.isArray(alternatives) || alternatives.length === 0 || !alternatives.every(isScalarSchema)) {
    return node;
  }
  const kept: Record<string, unknown> = {};
  for (const key of ['description', 'example', 'default', 'deprecated'] as const) {
    if (node[key] !== undefined) kept[key] = node[key];
  }
  const only = alternatives.length === 1 ? (alternatives[0] as Record<string, unknown>) : undefined;

  return only ? { ...only, ...kept } : { oneOf: alternatives, ...kept };
}
