import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installationQueries, type TDatabase } from '@uw/db';
import { openTestDatabase, testDialects } from '@uw/db/testing';

import { createEventBus } from '../events/event-bus';
import type { TSettingsValues } from '../settings/definitions';
import { createLiveLimits } from './live-limits';

const PG = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dialects = await testDialects({ pgAdminUrl: PG, requirePg: process.env.CI === 'true' });
const DEFAULTS = { max_rps: 50 } as TSettingsValues;
const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe.each(dialects)('live max_rps on %s', (dialect) => {
  let db: TDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect, PG);
  });
  afterAll(() => db?.close());

  const install = (workspaceId: string, now: number) =>
    installationQueries.recordInstall(db, workspaceId, {
      fields: {
        addonId: 'a',
        status: 'ACTIVE',
        tokenCipher: 'x',
        apiUrl: 'https://api.clockify.me/api',
        reportsUrl: 'https://reports.api.clockify.me',
        ownerUserId: null,
      },
      webhooks: [],
      now,
    });

  it("follows a settings change published on the bus: a client's limit drops while it lives", async () => {
    const bus = createEventBus();
    const limits = createLiveLimits({ db, bus, logger: silent, settingsDefaults: DEFAULTS });
    const ws = `ws-live-${dialect}`;
    const row = await install(ws, Date.now() - 1_000);
    const limit = limits.maxRps(row);
    expect(limit()).toBe(50);
    await installationQueries.updateInstallationSettings(db, ws, { id: row.id, settings: { max_rps: 5 } });
    bus.publish({ type: 'installation.changed', workspaceId: ws });
    await expect.poll(limit).toBe(5);
    // A client built later from a row read before the change (a stale cache) does not bring the old limit back.
    const late = limits.maxRps(row);
    expect(late()).toBe(5);
    expect(limit()).toBe(5);
  });

  it("moves only the changed workspace's limit", async () => {
    const bus = createEventBus();
    const limits = createLiveLimits({ db, bus, logger: silent, settingsDefaults: DEFAULTS });
    const [a, b] = [`ws-a-${dialect}`, `ws-b-${dialect}`];
    const rowA = await install(a, Date.now() - 1_000);
    const rowB = await install(b, Date.now() - 1_000);
    const [limitA, limitB] = [limits.maxRps(rowA), limits.maxRps(rowB)];
    await installationQueries.updateInstallationSettings(db, b, { id: rowB.id, settings: { max_rps: 7 } });
    await installationQueries.updateInstallationSettings(db, a, { id: rowA.id, settings: { max_rps: 9 } });
    bus.publish({ type: 'installation.changed', workspaceId: b });
    await expect.poll(limitB).toBe(7);
    expect([limitA(), limitB()]).toEqual([50, 7]);
  });
});
