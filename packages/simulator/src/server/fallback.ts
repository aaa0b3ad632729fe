import type { TSimOperation } from '../catalogue/types';
import type { THandler } from './handlers/types';
import { emptyOf } from './validation/empty-of';

/** The status an operation documents for success (its first 2xx response), 200 when it documents none. */
export function successStatus(op: TSimOperation): number {
  const codes = Object.keys(op.responses ?? {})
    .map(Number)
    .filter((c) => c >= 200 && c < 300)
    .sort((a, b) => a - b);

  return codes[0] ?? 200;
}

/** For operations without a real handler: the emptiest body the documented response schema accepts (one last page). */
export function fallbackHandler(op: TSimOperation): THandler {
  return () => {
    const status = successStatus(op);
    const schema = op.responses?.[String(status)]?.schema;

    const pageable = (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'page');

    return {
      status,
      body: status === 204 || !schema ? undefined : emptyOf(schema),
      headers: pageable ? { 'Last-Page': 'true' } : undefined,
    };
  };
}
