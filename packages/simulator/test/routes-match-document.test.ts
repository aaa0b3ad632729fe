import { describe, expect, it } from 'vitest';

import { loadOperations } from '../src/catalogue/load-operations';
import { ROUTES } from '../src/server/handlers/index';
import { OPENAPI } from './utils';

describe('built-in routes', () => {
  it('declare the same method, path and host as the document for their operationId', async () => {
    const { operations } = await loadOperations(OPENAPI);
    const byId = new Map((operations ?? []).map((o) => [o.operationId, o]));
    const mismatches = ROUTES.filter((r) => {
      const op = byId.get(r.operationId);

      return !op || op.method.toUpperCase() !== r.method || op.path !== r.path || op.host !== r.host;
    }).map((r) => `${r.operationId} ${r.method} ${r.path}`);
    expect(mismatches).toEqual([]);
    expect(ROUTES.length).toBeGreaterThanOrEqual(50);
  });
});
