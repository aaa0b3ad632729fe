import { MASKED_HEADER_EXPRESSION, type TFlowDefinition, type TFlowNode } from '@uw/flow-engine';

/** What an exported custom trigger names instead of the source's id: the source's name after this prefix. */
export const SOURCE_NAME_PREFIX = '@source:';

const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const SECRET_CALL = /\$secret\(\s*(["'])[^"']*\1\s*\)/g;
/** Short words a secret reference may be glued to (`"Bearer " & $secret("api")`), never a credential. */
const HARMLESS_LITERAL = /^(["'])[A-Za-z][A-Za-z :-]{0,19}\1$/;

/**
 * A header value that is kept in an export: one that reads its credential with `$secret("name")` and holds no
 * other literal than a short prefix. Every other value is exported masked, as it is shown everywhere.
 */
export function isSecretReference(expression: string): boolean {
  if (!SECRET_CALL.test(expression)) return false;
  SECRET_CALL.lastIndex = 0;
  const rest = expression.replace(SECRET_CALL, '');

  return (rest.match(STRING_LITERAL) ?? []).every((literal) => HARMLESS_LITERAL.test(literal));
}

/** Headers that describe the body, never a credential: exported as they are. */
const DESCRIPTIVE_HEADERS = new Set(['content-type', 'accept', 'accept-language', 'content-language']);

/** A header value an export keeps: a descriptive header's, or a `$secret(…)` reference. */
export function isExportableHeader(name: string, expression: string): boolean {
  return DESCRIPTIVE_HEADERS.has(name.toLowerCase()) || isSecretReference(expression);
}

/** `"…/workspaces/<id>/x"` → `("…/workspaces/" & workspace.id & "/x")`: the expression reads the running workspace. */
function withoutWorkspaceId(expression: string, workspaceId: string): string {
  if (!expression.includes(workspaceId)) return expression;

  return expression.replace(STRING_LITERAL, (literal) => {
    if (!literal.includes(workspaceId)) return literal;
    const quote = literal[0]!;
    const parts = literal
      .slice(1, -1)
      .split(workspaceId)
      .map((part) => (part === '' ? null : `${quote}${part}${quote}`));
    const joined = parts.flatMap((part, i) => [...(i > 0 ? ['workspace.id'] : []), ...(part === null ? [] : [part])]).join(' & ');

    return parts.length === 2 && parts.every((p) => p === null) ? 'workspace.id' : `(${joined})`;
  });
}

function mapExpressions(node: TFlowNode, map: (expression: string, field: string) => string): TFlowNode {
  const record = (prefix: string, values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([name, e]) => [name, map(e, `${prefix}.${name}`)]));
  const body = (e: string | undefined) => (e === undefined ? undefined : map(e, 'data.body'));
  switch (node.kind) {
    case 'trigger':
      return node;
    case 'condition':
      return { ...node, data: { expression: map(node.data.expression, 'data.expression') } };
    case 'clockify':
      return {
        ...node,
        data: {
          ...node.data,
          path: record('data.path', node.data.path),
          query: record('data.query', node.data.query),
          body: body(node.data.body),
        },
      };
    case 'http':
      return {
        ...node,
        data: {
          ...node.data,
          url: map(node.data.url, 'data.url'),
          headers: record('data.headers', node.data.headers),
          body: body(node.data.body),
        },
      };
    case 'switch':
      return {
        ...node,
        data: {
          ...node.data,
          cases: node.data.cases.map((c, i) => ({ ...c, expression: map(c.expression, `data.cases.${i}.expression`) })),
        },
      };
    case 'forEach':
      return { ...node, data: { ...node.data, items: map(node.data.items, 'data.items') } };
    case 'set':
      return { ...node, data: { ...node.data, values: record('data.values', node.data.values) } };
    case 'wait':
      return {
        ...node,
        data: {
          ...node.data,
          seconds: node.data.seconds === undefined ? undefined : map(node.data.seconds, 'data.seconds'),
          until: node.data.until === undefined ? undefined : map(node.data.until, 'data.until'),
        },
      };
  }
}

/**
 * The definition as an export carries it: header values masked unless they are `$secret(…)` references (or
 * describe the body: Content-Type, Accept), the
 * workspace's id in literals replaced by `workspace.id`, and a custom trigger's source named (`@source:<name>`)
 * instead of given by id. `undefined` fields are dropped so the document is plain JSON.
 */
export function portableDefinition(
  definition: TFlowDefinition,
  scope: { workspaceId: string; sourceNames: ReadonlyMap<string, string> },
): TFlowDefinition {
  const nodes = definition.nodes.map((node) => {
    if (node.kind === 'trigger' && node.data.source === 'custom') {
      const name = scope.sourceNames.get(node.data.sourceId);

      return name === undefined ? node : { ...node, data: { ...node.data, sourceId: `${SOURCE_NAME_PREFIX}${name}` } };
    }

    return mapExpressions(node, (expression, field) =>
      node.kind === 'http' && field.startsWith('data.headers.') && !isExportableHeader(field.slice('data.headers.'.length), expression)
        ? MASKED_HEADER_EXPRESSION
        : withoutWorkspaceId(expression, scope.workspaceId),
    );
  });

  return JSON.parse(JSON.stringify({ nodes, edges: definition.edges })) as TFlowDefinition;
}
