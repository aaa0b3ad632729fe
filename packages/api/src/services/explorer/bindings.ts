import type { TOperation } from '@uw/clockify';

import type { TCaller } from '../auth/caller';
import type { TBinding } from './explorer.types';

const pathParams = (op: TOperation) => new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));

/**
 * Path parameters filled from the caller: `workspaceId` is always the caller's workspace (the installation
 * token only acts there); `userId` defaults to the caller's own user and may be set to another user.
 */
export function bindingsFor(op: TOperation, caller: TCaller): TBinding[] {
  const names = pathParams(op);
  const out: TBinding[] = [];
  if (names.has('workspaceId')) {
    out.push({ name: 'workspaceId', in: 'path', source: 'workspace', value: caller.workspaceId, overridable: false });
  }
  if (names.has('userId')) {
    out.push({ name: 'userId', in: 'path', source: 'user', value: caller.userId, overridable: true });
  }

  return out;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The path parameters with the bindings applied, and the problems: another workspace's id is refused with
 * the other validation problems (whether or not that workspace exists), never sent.
 */
export function applyBindings(op: TOperation, caller: TCaller, given: Record<string, unknown>) {
  const path: Record<string, unknown> = { ...given };
  const problems: string[] = [];
  for (const binding of bindingsFor(op, caller)) {
    const value = given[binding.name];
    if (!binding.overridable && !isEmpty(value) && String(value) !== binding.value) {
      problems.push(`path parameter "${binding.name}" is bound to your own workspace (${binding.value}); leave it empty`);
      continue;
    }
    if (!binding.overridable || (isEmpty(value) && binding.value !== null)) {
      path[binding.name] = binding.value;
    }
  }

  return { path, problems };
}
