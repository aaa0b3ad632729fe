import type { TOperation } from './catalogue-types';
import type { TCallOptions, TClockifyResponse, TExecuteInput, TPageResult, TPaginateOptions } from './client-types';
import { ClockifyValidationError } from './errors';

type TExecute = (operationId: string, input: TExecuteInput, call: TCallOptions) => Promise<TClockifyResponse>;

/** The body itself when it is an array, else its first array-valued property (`{ timeOffRequests: [...] }`). */
export function defaultItemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const list = Object.values(body).find((v) => Array.isArray(v));
    if (list) return list as unknown[];
  }

  return [];
}

/**
 * Pages through a list operation: `page` from 1 with the operation's page-size parameter (`page-size`,
 * or `pageSize` where Clockify spells it so), until a `Last-Page: true` header, an empty page or a short page.
 */
export async function* paginate(
  list: { execute: TExecute; op: TOperation | undefined; operationId: string },
  input: TExecuteInput,
  opts: TPaginateOptions & TCallOptions,
): AsyncGenerator<TPageResult> {
  const { execute, op, operationId } = list;
  const query = op?.parameters.filter((p) => p.in === 'query').map((p) => p.name) ?? [];
  if (op && !query.includes('page')) {
    throw new ClockifyValidationError(`${operationId} has no "page" query parameter, so it cannot be paginated`, [], operationId);
  }
  const sizeParam = query.find((n) => n === 'page-size' || n === 'pageSize') ?? 'page-size';
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? 50));
  const maxPages = opts.maxPages ?? 1000;
  const itemsOf = opts.itemsOf ?? defaultItemsOf;
  for (let page = 1; page <= maxPages; page++) {
    const response = await execute(
      operationId,
      { ...input, query: { ...input.query, page, [sizeParam]: pageSize } },
      { signal: opts.signal },
    );
    const items = itemsOf(response.body);
    yield { page, items, response };
    if (response.headers['last-page']?.trim().toLowerCase() === 'true' || items.length < pageSize) return;
  }
}
