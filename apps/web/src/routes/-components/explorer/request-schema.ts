import type { TOperationValues, TParameterOptions } from '../../../components/schema-form';
import type { TOperation } from '../../../trpc/types';

/** Bound path parameters (workspaceId: the caller's workspace; userId: the caller) start filled in; nothing else does. */
export function initialValues(op: TOperation, session: { workspaceId: string | null; userId: string | null }): TOperationValues {
  const path: Record<string, string> = {};
  for (const b of op.bindings) {
    const value = b.value ?? (b.source === 'workspace' ? session.workspaceId : session.userId);
    if (value) path[b.name] = value;
  }

  return { path, query: {} };
}

/** A bound workspaceId cannot be changed (the server refuses another workspace); a bound user id may. */
export function bindingOptions(op: TOperation): TParameterOptions {
  const readOnly: Record<string, string> = {};
  const help: Record<string, string> = {};
  for (const b of op.bindings) {
    if (b.overridable) help[b.name] = `Defaults to you (set from your ${b.source}); another ${b.source} id may be chosen.`;
    else readOnly[b.name] = `Always this ${b.source}.`;
  }

  return { readOnly, help };
}

/** A history entry's request as form values. */
export function valuesOfRequest(request: unknown): TOperationValues {
  const r = (request ?? {}) as { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

  return { path: r.path ?? {}, query: r.query ?? {}, ...(r.body === undefined ? {} : { body: r.body }) };
}
