import type { TFlowDefinition } from './flow-definition-schema';

/** What an HTTP action's header value is shown as: the stored expression (often a credential) is never sent out. */
export const HEADER_VALUE_MASK = '••••';
/** The mask as the JSONata string literal a header expression holds, so a masked document still validates. */
export const MASKED_HEADER_EXPRESSION = `"${HEADER_VALUE_MASK}"`;

export function isMaskedHeader(expression: string): boolean {
  return expression === MASKED_HEADER_EXPRESSION;
}

/** The document with every HTTP action's header values replaced by the mask (names kept). */
export function maskHttpHeaders(definition: TFlowDefinition): TFlowDefinition {
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.kind === 'http'
        ? {
            ...node,
            data: {
              ...node.data,
              headers: Object.fromEntries(Object.keys(node.data.headers).map((name) => [name, MASKED_HEADER_EXPRESSION])),
            },
          }
        : node,
    ),
  };
}

export type TUnresolvedHeader = { nodeId: string; header: string };

/**
 * A document sent back after being shown masked: each header still equal to the mask takes the value
 * stored under the same node id and header name. Headers without such a value are returned in
 * `unresolved` (the caller refuses them rather than store the mask).
 */
export function restoreMaskedHeaders(
  next: TFlowDefinition,
  stored: TFlowDefinition | null,
): { definition: TFlowDefinition; unresolved: TUnresolvedHeader[] } {
  const unresolved: TUnresolvedHeader[] = [];
  const nodes = next.nodes.map((node) => {
    if (node.kind !== 'http' || !Object.values(node.data.headers).some(isMaskedHeader)) {
      return node;
    }
    const before = stored?.nodes.find((n) => n.id === node.id);
    const previous = before?.kind === 'http' ? before.data.headers : {};
    const headers = Object.fromEntries(
      Object.entries(node.data.headers).map(([name, expression]) => {
        if (!isMaskedHeader(expression)) return [name, expression];
        const kept = previous[name];
        if (kept === undefined) unresolved.push({ nodeId: node.id, header: name });

        return [name, kept ?? expression];
      }),
    );

    return { ...node, data: { ...node.data, headers } };
  });

  return { definition: { ...next, nodes }, unresolved };
}
