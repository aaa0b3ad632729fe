import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createScratchDatabase, testDialects } from '@uw/db/testing';

import { ConfigError, readEnv } from '../src/env';
import { loadClockifyKey } from '../src/secrets';
import { CLOCKIFY_FIXTURES, createClockifyKeys, REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, type TTestServer } from './utils';

const dialects = await testDialects({ pgAdminUrl: TEST_PG_ADMIN_URL, requirePg: REQUIRE_PG });

describe.each(dialects)('server shell on %s', (dialect) => {
  let server: TTestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect, env: { UW_BASE_URL: 'https://uw.example.test' } });
  });
  afterAll(() => server?.close());

  it('answers /health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready when the database is reachable and migrated', async () => {
    const res = await fetch(`${server.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('serves the manifest with the base URL, key and setting defaults of this deployment', async () => {
    const res = await fetch(`${server.url}/manifest.json`);
    expect(res.status).toBe(200);
    const manifest = await res.json();
    expect(manifest.baseUrl).toBe(server.deps.api.config.baseUrl);
    expect(manifest.key).toBe('universal-webhook');
    const settings = manifest.settings.tabs[0].groups.flatMap((g: { settings: { id: string; value: unknown }[] }) => g.settings);
    expect(settings.find((s: { id: string }) => s.id === 'max_rps').value).toBe(25);
  });

  it('tags every response with a request id and honours a given one', async () => {
    const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const other = await fetch(`${server.url}/health`);
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to be framed by foreign origins and sends no referrer', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('mounts tRPC at /trpc and asks for credentials', async () => {
    const res = await fetch(`${server.url}/trpc/settings.get`);
    expect(res.status).toBe(401);
  });
});

describe('readiness with a database that is down', () => {
  it('starts, answers /health, and reports 503 with the reason on /ready (no crash loop)', async () => {
    const down = await startTestServer({
      dialect: 'sqlite',
      env: { UNIVERSAL_WEBHOOK_DB_URL: 'postgresql://nobody@127.0.0.1:1/none' },
      migrate: false,
    });
    try {
      await down.deps.db.migrate().catch(() => undefined);
      expect((await fetch(`${down.url}/health`)).status).toBe(200);
      const res = await fetch(`${down.url}/ready`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.status).toBe('not_ready');
      expect(body.reason).toMatch(/migrations|database/i);
    } finally {
      await down.close().catch(() => undefined);
    }
  });
});

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const env = readEnv({});
    expect(env.PORT).toBe(8001);
    expect(env.UW_BOOTSTRAP_MAX_RPS).toBe(25);
    expect(env.UW_WEBHOOK_LOG_RETENTION_DAYS).toBe(90);
    expect(env.UW_CACHE_TTL_DAYS).toBe(7);
    expect(env.UW_ADDON_KEY).toBe('universal-webhook');
    expect(env.UNIVERSAL_WEBHOOK_DB_URL).toBeUndefined();
  });

  it('names every bad variable and what is wrong with it', () => {
    let error: unknown;
    try {
      readEnv({ PORT: 'eighty', UW_BOOTSTRAP_MAX_RPS: '51', UW_ENABLE_FLOWS: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: expected a number/);
    expect(message).toMatch(/UW_BOOTSTRAP_MAX_RPS: must be at most 50/);
    expect(message).toMatch(/UW_ENABLE_FLOWS: expected true or false/);
  });

  it('reads UW_CLOCKIFY_API_ALLOWLIST as entries and names it when an entry is not a host, host:port or host:*', () => {
    expect(readEnv({}).UW_CLOCKIFY_API_ALLOWLIST).toEqual([]);
    expect(readEnv({ UW_CLOCKIFY_API_ALLOWLIST: ' 127.0.0.1:4010, sim.internal:* ,' }).UW_CLOCKIFY_API_ALLOWLIST).toEqual([
      '127.0.0.1:4010',
      'sim.internal:*',
    ]);
    expect(() => readEnv({ UW_CLOCKIFY_API_ALLOWLIST: 'http://sim.internal' })).toThrow(
      /UW_CLOCKIFY_API_ALLOWLIST: .*"http:\/\/sim\.internal"/,
    );
  });

  it('requires the secrets in production (not the Clockify key: its default is published) and turns the dev login off there', () => {
    let message = '';
    try {
      readEnv({ NODE_ENV: 'production' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/UW_ENCRYPTION_KEY: required in production/);
    expect(message).toMatch(/UW_BASE_URL: required in production/);
    expect(message).not.toMatch(/UW_CLOCKIFY_PUBLIC_KEY/);
    const env = readEnv({ NODE_ENV: 'production', UW_ENCRYPTION_KEY: 'y', UW_BASE_URL: 'https://a.example', UW_DEV_LOGIN: 'true' });
    expect(env.UW_DEV_LOGIN).toBe(false);
    expect(env.UW_CLOCKIFY_PUBLIC_KEY).toBeUndefined();
  });

  it("takes LOG_LEVEL in any case, with Python's names too, and names the levels when it cannot", () => {
    expect(readEnv({}).LOG_LEVEL).toBe('info');
    expect(readEnv({ LOG_LEVEL: 'INFO' }).LOG_LEVEL).toBe('info');
    expect(readEnv({ LOG_LEVEL: ' Debug ' }).LOG_LEVEL).toBe('debug');
    expect(readEnv({ LOG_LEVEL: 'WARNING' }).LOG_LEVEL).toBe('warn');
    expect(readEnv({ LOG_LEVEL: 'CRITICAL' }).LOG_LEVEL).toBe('fatal');
    expect(() => readEnv({ LOG_LEVEL: 'LOUD' })).toThrow(
      /LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent \(any case\)/,
    );
  });

  it('chooses the log format by the terminal unless told (auto, json, pretty)', () => {
    expect(readEnv({}).UW_LOG_FORMAT).toBe('auto');
    expect(readEnv({ UW_LOG_FORMAT: 'json' }).UW_LOG_FORMAT).toBe('json');
    expect(() => readEnv({ UW_LOG_FORMAT: 'xml' })).toThrow(/UW_LOG_FORMAT: expected auto, json or pretty/);
  });

  it.each([
    ['postgres://u:p@db:5432/uw', 'postgresql://u:p@db:5432/uw'],
    ['postgresql://u:p@db:5432/uw', 'postgresql://u:p@db:5432/uw'],
    ['postgresql+asyncpg://u:p@db:5432/uw?ssl=require', 'postgresql://u:p@db:5432/uw?ssl=require'],
    ['postgresql+psycopg://u:p@db/uw', 'postgresql://u:p@db/uw'],
    ['sqlite+aiosqlite:///./universal_webhook.db', './universal_webhook.db'],
    ['sqlite:///data/x.db', 'data/x.db'],
    ['sqlite:////var/lib/uw/x.db', '/var/lib/uw/x.db'],
    ['./data/plain.db', './data/plain.db'],
  ])('maps UNIVERSAL_WEBHOOK_DB_URL %s to %s', (given, opened) => {
    expect(readEnv({ UNIVERSAL_WEBHOOK_DB_URL: given }).UNIVERSAL_WEBHOOK_DB_URL).toBe(opened);
  });

  it.each([
    ['mysql+aiomysql://u:secret@db/uw', /unsupported database "mysql\+aiomysql"/],
    ['sqlite://', /in-memory database/],
    ['sqlite://host/x.db', /three slashes/],
    ['sqlite:///x.db?mode=ro', /options/],
  ])('refuses UNIVERSAL_WEBHOOK_DB_URL %s, naming the accepted forms', (given, why) => {
    let message = '';
    try {
      readEnv({ UNIVERSAL_WEBHOOK_DB_URL: given });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toMatch(/UNIVERSAL_WEBHOOK_DB_URL: .*accepted: postgres:\/\/.*postgresql\+asyncpg.*sqlite\+aiosqlite/);
    expect(message).not.toContain('secret');
  });
});

describe.each(dialects)("the seed's SQLAlchemy database URL on %s", (dialect) => {
  it('opens the same database as the plain URL or path', async () => {
    const scratch = await createScratchDatabase(dialect, TEST_PG_ADMIN_URL);
    const seedStyle =
      dialect === 'sqlite'
        ? `sqlite+aiosqlite:///${join(mkdtempSync(join(tmpdir(), 'uw-seed-url-')), 'seed.db')}`
        : scratch.url.replace(/^postgresql:\/\//, 'postgresql+asyncpg://');
    const server = await startTestServer({ dialect, env: { UNIVERSAL_WEBHOOK_DB_URL: seedStyle } });
    try {
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      expect(server.deps.db.dialect).toBe(dialect);
      if (dialect === 'sqlite') expect(existsSync(seedStyle.slice('sqlite+aiosqlite://'.length))).toBe(true);
      else expect((await server.deps.db.knex().raw('select current_database() as name')).rows[0].name).toBe(scratch.url.split('/').pop());
    } finally {
      await server.close();
      await scratch.drop();
    }
  });
});

describe("Clockify's public key", () => {
  const quiet = { info: () => undefined };

  it('defaults to the published key kept in the fixtures', () => {
    const key = loadClockifyKey(undefined, quiet);
    expect(key.export({ type: 'spki', format: 'pem' }).toString()).toBe(readFileSync(CLOCKIFY_FIXTURES.publicKeyPem, 'utf8'));
  });

  it('is overridden by UW_CLOCKIFY_PUBLIC_KEY (PEM text or a file)', () => {
    const { publicPem } = createClockifyKeys();
    const dir = mkdtempSync(join(tmpdir(), 'uw-key-'));
    writeFileSync(join(dir, 'k.pem'), publicPem);
    for (const spec of [publicPem, join(dir, 'k.pem')]) {
      expect(loadClockifyKey(spec, quiet).export({ type: 'spki', format: 'pem' }).toString()).toBe(publicPem);
    }
  });
});
