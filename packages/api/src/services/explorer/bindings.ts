import type { Operation } from '@uw/clockify';

import { UserError } from '../../errors';
import type { TCaller } from '../auth/caller';
import type { TBinding } from './explorer.types';

const pathParams = (op: Operation) => new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));

/**
 * Path parameters filled from the caller: `workspaceId` is always the caller's workspace (the installation
 * token only acts there); `userId` defaults to the caller's own user and may be set to another user.
 */
export function bindingsFor(op: Operation, caller: TCaller): TBinding[] {
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
 * The path parameters with the bindings applied. Another workspace's id is answered NOT_FOUND, as every
 * cross-workspace id is (RELIABILITY T1), whether or not that workspace exists.
 */
export function applyBindings(op: Operation, caller: TCaller, given: Record<string, unknown>): Record<string, unknown> {
  const path: Record<string, unknown> = { ...given };
  for (const binding of bindingsFor(op, caller)) {
    const value = given[binding.name];
    if (!binding.overridable && !isEmpty(value) && String(value) !== binding.value) {
      throw new UserError(
        'NOT_FOUND',
        `workspace ${String(value)} not found: the explorer acts on your own workspace only (leave workspaceId empty)`,
      );
    }
    if (!binding.overridable || (isEmpty(value) && binding.value !== null)) {
      path[binding.name] = binding.value;
    }
  }

  return path;
}
