import { expressionFields, type TFlowDefinition } from '@uw/flow-engine';

/** The cached entity types a flow's literals can name (the cache's own type names). */
export const REFERENCED_ENTITY_TYPES = ['project', 'task', 'tag', 'user', 'client'] as const;
export type TReferencedEntityType = (typeof REFERENCED_ENTITY_TYPES)[number];

/** A Clockify id written as a literal in one of a flow's expressions. */
export type TClockifyRef = { nodeId: string; field: string; entityType: TReferencedEntityType; id: string };

/** A quoted 24-hex-digit literal: what Clockify ids look like. */
const ID_LITERAL = /(["'])([0-9a-fA-F]{24})\1/g;
/** `projectId":`, `projectId =`, `tagIds: [ "…", `, `userId in [` right before a literal. */
const NAME_BEFORE = /([A-Za-z_$][\w$]*)["'`]?\s*(?::|!=|=|\bin\b)\s*(?:\[\s*(?:(["'])[0-9a-fA-F]{24}\2\s*,\s*)*)?$/;
/** `"…" = payload.projectId` (the literal on the left of a comparison). */
const NAME_AFTER = /^\s*!?=\s*(?:[\w$`]+\.)*([A-Za-z_$][\w$]*)/;
const ALIASES: Record<string, TReferencedEntityType> = { assignee: 'user', member: 'user', approver: 'user' };

/** `projectId` → project, `tagIds` → tag, `assigneeId` → user; anything else → null. */
export function entityTypeOfName(name: string): TReferencedEntityType | null {
  const stem = name.replace(/(Ids|Id|IDs|ID|_ids|_id|s)$/, '').toLowerCase();
  if ((REFERENCED_ENTITY_TYPES as readonly string[]).includes(stem)) return stem as TReferencedEntityType;

  return ALIASES[stem] ?? null;
}

/** The ids written as literals in one expression, with the entity type their context names. */
function refsOfExpression(expression: string, fieldName: string): { entityType: TReferencedEntityType; id: string }[] {
  const found: { entityType: TReferencedEntityType; id: string }[] = [];
  const whole = expression.trim().match(/^(["'])([0-9a-fA-F]{24})\1$/);
  if (whole) {
    const type = entityTypeOfName(fieldName);

    return type ? [{ entityType: type, id: whole[2]! }] : [];
  }
  for (const match of expression.matchAll(ID_LITERAL)) {
    const start = match.index;
    const before = expression.slice(Math.max(0, start - 400), start).match(NAME_BEFORE)?.[1];
    const after = expression.slice(start + match[0].length).match(NAME_AFTER)?.[1];
    const type = (before && entityTypeOfName(before)) ?? (after && entityTypeOfName(after)) ?? null;
    if (type) found.push({ entityType: type, id: match[2]! });
  }

  return found;
}

/**
 * Clockify ids a flow names as literals (a project id in a path parameter, `"tagIds": ["…"]` in a body,
 * `payload.projectId = "…"` in a condition), each with the node and field it sits in. The kind is read from
 * the parameter or key name next to the literal; literals without such a name are not reported.
 */
export function clockifyRefsOf(definition: TFlowDefinition): TClockifyRef[] {
  const refs: TClockifyRef[] = [];
  for (const node of definition.nodes) {
    for (const { field, expression } of expressionFields(node)) {
      const fieldName = field.split('.').pop() ?? '';
      for (const ref of refsOfExpression(expression, fieldName)) refs.push({ nodeId: node.id, field, ...ref });
    }
  }

  return refs;
}
