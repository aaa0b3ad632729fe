import type { TOperation } from '@uw/clockify';

import type { TKeyScope } from '../auth/scopes';

/** A POST whose summary or id says it removes or replaces data (e.g. "Assign/remove users to/from the project"). */
const POST_REMOVES = /\b(remove|delete|replace|overwrite)\b/i;

/**
 * Why running an operation needs `confirm: true`, or null when it does not. The rule:
 * - GET/HEAD/OPTIONS read: never.
 * - DELETE removes data: always.
 * - PUT replaces an existing entity (fields left out may be cleared) and PATCH changes one in place
 *   (status, archive, stop a timer, regenerate a webhook token…): always. They run with the add-on's
 *   admin-level token, and Clockify has no undo.
 * - POST creates something, or queries (reports, filters): no confirmation, except when its summary or
 *   operationId says it also removes or replaces existing data (`addUsersToProject` in today's document).
 */
export function destructiveReason(op: TOperation): string | null {
  const what = `${op.method} ${op.path} (${op.operationId})`;
  switch (op.method) {
    case 'DELETE':
      return `${what} deletes data in Clockify and cannot be undone`;
    case 'PUT':
      return `${what} replaces existing data in Clockify (fields you leave out may be cleared)`;
    case 'PATCH':
      return `${what} changes existing data in Clockify`;
    case 'POST':
      return POST_REMOVES.test(op.summary) || POST_REMOVES.test(op.operationId)
        ? `${what} can remove or replace existing data in Clockify ("${op.summary}")`
        : null;
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
      return null;
  }
}

/**
 * The service-key scope running `op` needs: reads need `read`, destructive calls (above) `admin`, and
 * everything else (creating, or POST queries such as reports) `write`.
 */
export function scopeToRun(op: TOperation): TKeyScope {
  if (op.method === 'GET' || op.method === 'HEAD' || op.method === 'OPTIONS') {
    return 'read';
  }

  return destructiveReason(op) ? 'admin' : 'write';
}
