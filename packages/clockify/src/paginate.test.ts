import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH } from '../test/support/fixtures';
import { sendJson, startTestServer, type TTestServer } from '../test/support/http-server';
import { loadCatalogue } from './catalogue';
import type { TCatalogue } from './catalogue-types';
import { createClockifyClient } from './client';
import type { TPageResult } from './client-types';
import { ClockifyValidationError } from './errors';
import { defaultItemsOf } from './paginate';
import { createMemoryRateLimiter } from './rate-limiter';
import { createBreakerRegistry } from './retry';

const WS = 'aaaaaaaaaaaaaaaaaaaaaaa1';

/** Serves `total` projects in pages; `lastPageHeaderAt` sends `Last-Page: true` on that page (and false before). */
let total = 0;
let lastPageHeaderAt: number | undefined;

describe('paginate', () => {
  let cat: TCatalogue;
  let server: TTestServer;
  beforeAll(async () => {
    cat = await loadCatalogue(MINI_OPENAPI_PATH);
    server = await startTestServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('page-size'));
      const items = Array.from({ length: total }, (_, i) => ({ id: `p${i + 1}` })).slice((page - 1) * size, page * size);
      const headers: Record<string, string> = lastPageHeaderAt === undefined ? {} : { 'Last-Page': String(page >= lastPageHeaderAt) };
      sendJson(res, items, { headers });
    });
  });
  afterAll(() => server.close());

  const collect = async (pageSize: number) => {
    server.requests.length = 0;
    const client = createClockifyClient({
      catalogue: cat,
      apiUrl: `${server.url}/api`,
      token: 't',
      workspaceKey: WS,
      rateLimiter: createMemoryRateLimiter(),
      breakers: createBreakerRegistry(),
    });
    const pages: TPageResult[] = [];
    for await (const page of client.paginate('listProjects', { path: { workspaceId: WS }, query: { archived: false } }, { pageSize }))
      pages.push(page);

    return pages;
  };

  it('follows page from 1 with page-size and stops at a short page', async () => {
    total = 7;
    lastPageHeaderAt = undefined;
    const pages = await collect(3);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.items)).toHaveLength(7);
    expect(server.requests.map((r) => r.url)).toEqual(
      [1, 2, 3].map((p) => `/api/v1/workspaces/${WS}/projects?archived=false&page=${p}&page-size=3`),
    );
  });

  it('stops at an empty page when the last page was full', async () => {
    total = 6;
    lastPageHeaderAt = undefined;
    const pages = await collect(3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 0]);
  });

  it('stops at the Last-Page: true header even when the page is full', async () => {
    total = 100;
    lastPageHeaderAt = 2;
    const pages = await collect(5);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[1]!.response.headers['last-page']).toBe('true');
    expect(server.requests).toHaveLength(2);
  });

  it('refuses operations without a page parameter', async () => {
    const client = createClockifyClient({
      catalogue: cat,
      apiUrl: `${server.url}/api`,
      token: 't',
      workspaceKey: WS,
      rateLimiter: createMemoryRateLimiter(),
    });
    const pages = client.paginate('getProject', { path: { workspaceId: WS, projectId: 'x' } });
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toThrow(ClockifyValidationError);
  });

  it('finds the items of wrapped list bodies', () => {
    expect(defaultItemsOf([1, 2])).toEqual([1, 2]);
    expect(defaultItemsOf({ count: 2, requests: [1, 2] })).toEqual([1, 2]);
    expect(defaultItemsOf({ message: 'x' })).toEqual([]);
    expect(defaultItemsOf(null)).toEqual([]);
  });
});
