import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDialects } from '@uw/db/testing';

import { ConfigError, readEnv } from '../src/env';
import { REQUIRE_PG, startTestServer, TEST_PG_ADMIN_URL, type TTestServer } from './utils';

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

  it('requires the secrets in production and turns the dev login off there', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/UW_CLOCKIFY_PUBLIC_KEY: required in production/);
    const env = readEnv({
      NODE_ENV: 'production',
      UW_CLOCKIFY_PUBLIC_KEY: 'x',
      UW_ENCRYPTION_KEY: 'y',
      UW_BASE_URL: 'https://a.example',
      UW_DEV_LOGIN: 'true',
    });
    expect(env.UW_DEV_LOGIN).toBe(false);
  });
});
