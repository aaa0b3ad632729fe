import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call, OPENAPI } from './utils';

describe('request validation against the OpenAPI document', () => {
  let sim: TSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: OPENAPI });
  });
  afterAll(() => sim.close());
  const ws = () => sim.workspace().id;

  it('answers 400 for a body that violates the schema, and records the request', async () => {
    sim.clearRequests();
    const res = await call(sim, { method: 'POST', path: `/api/v1/workspaces/${ws()}/projects` }, { body: { name: 42, color: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: expect.stringMatching(/body\/name must be string/), code: 400 });
    expect(sim.requests.at(-1)).toMatchObject({ operationId: 'createNewProject', status: 400, body: { name: 42, color: 'red' } });
  });

  it('answers 400 for a missing required body, a missing required query parameter and a bad enum', async () => {
    expect((await call(sim, { method: 'POST', path: `/api/v1/workspaces/${ws()}/time-entries` })).body).toEqual({
      message: 'Required request body is missing',
      code: 400,
    });
    const noStart = await call(
      sim,
      { method: 'GET', path: `/api/v1/workspaces/${ws()}/holidays/in-period` },
      {
        query: { 'assigned-to': 'x', end: '2025-01-01T00:00:00Z' },
      },
    );
    expect(noStart.status).toBe(400);
    expect(String((noStart.body as { message: string }).message)).toContain("'start'");
    const badEnum = await call(
      sim,
      { method: 'GET', path: `/api/v1/workspaces/${ws()}/projects` },
      { query: { 'sort-order': 'SIDEWAYS' } },
    );
    expect(badEnum.status).toBe(400);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await fetch(`${sim.apiUrl}/v1/workspaces/${ws()}/tags`, {
      method: 'POST',
      headers: { 'x-addon-token': sim.workspace().token, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
  });

  it('accepts valid bodies and keeps violations at zero', async () => {
    expect((await call(sim, { method: 'POST', path: `/api/v1/workspaces/${ws()}/tags` }, { body: { name: 'from-test' } })).status).toBe(
      201,
    );
    expect(sim.violations).toEqual([]);
  });
});
