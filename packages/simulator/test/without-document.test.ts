import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '../src/index';
import { call } from './utils';

describe('without an OpenAPI document', () => {
  let sim: TSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ openapiPath: false, seed: { workspaces: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', projects: 1 }] } });
  });
  afterAll(() => sim.close());

  it('routes the simulated operations, turns validation off and says so', async () => {
    expect(sim.validation.enabled).toBe(false);
    expect(sim.notices.join('\n')).toMatch(/no OpenAPI document/);
    expect(sim.workspace().id).toBe('aaaaaaaaaaaaaaaaaaaaaaaa');
    expect((await call(sim, { method: 'GET', path: '/api/v1/workspaces/aaaaaaaaaaaaaaaaaaaaaaaa/projects' })).body).toHaveLength(1);
    expect((await call(sim, { method: 'GET', path: '/api/v1/workspaces/aaaaaaaaaaaaaaaaaaaaaaaa/invoices/settings' })).status).toBe(404);
  });
});
