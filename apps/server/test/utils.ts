import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { createTRPCClient, httpLink } from '@trpc/client';
import { SignJWT } from 'jose';

import type { AppRouter } from '@uw/api';
import { MANIFEST_EVENT_TYPES } from '@uw/clockify';
import type { TSimulator } from '@uw/simulator';

import type { TDialect } from '@uw/db';
import { createScratchDatabase, type TScratch } from '@uw/db/testing';

import { createFlowScheduler, createWorker } from '@uw/api';

import { assembleApp } from '../src/assemble';
import { createDeps, type TServerDeps } from '../src/deps';
import { readEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { createReadiness } from '../src/readiness';
import { REPO_ROOT } from '../src/repo-root';

export const TEST_PG_ADMIN_URL = process.env.UW_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REQUIRE_PG = process.env.CI === 'true';
export { REPO_ROOT };
/** Clockify's published facts kept in the repository (fixtures/README.md). */
export { CLOCKIFY_FIXTURES } from '../../../fixtures';

/** A Clockify stand-in key pair: tests sign lifecycle, webhook and user tokens with it. */
export function createClockifyKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (claims: Record<string, unknown>, opts: { expiresIn?: string; key?: KeyObject } = {}) => {
    const jwt = new SignJWT({ type: 'addon', ...claims })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('clockify')
      .setSubject(String(claims.sub ?? 'universal-webhook'))
      .setIssuedAt();
    if (opts.expiresIn) jwt.setExpirationTime(opts.expiresIn);

    return jwt.sign(opts.key ?? privateKey);
  };

  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), sign };
}

export type TTestServer = {
  url: string;
  deps: TServerDeps;
  logs: string[];
  close(): Promise<void>;
};

/** Boots the real app (createApp + real database + real HTTP on 127.0.0.1) with a fresh database. */
export async function startTestServer(opts: {
  dialect: TDialect;
  env?: Record<string, string>;
  clockifyPem?: string;
  migrate?: boolean;
  worker?: { leaseMs?: number; concurrency?: number; pollMs?: number };
  /** The per-address refusal budget (tests that spend it slow its refill so timing cannot refill it). */
  refusals?: { burst?: number; perSecond?: number };
  /** An existing database (another server's, for a restart): kept on close, its owner drops it. */
  scratch?: TScratch;
  /** Runs the flow scheduler (schedule triggers) every `tickMs`. */
  schedules?: { tickMs?: number };
}): Promise<TTestServer> {
  const scratch = opts.scratch ?? (await createScratchDatabase(opts.dialect, TEST_PG_ADMIN_URL));
  const dataDir = mkdtempSync(join(tmpdir(), 'uw-server-'));
  const env = readEnv({
    NODE_ENV: 'test',
    PORT: '0',
    UW_DATA_DIR: dataDir,
    UNIVERSAL_WEBHOOK_DB_URL: scratch.url,
    LOG_LEVEL: 'info',
    UW_ENCRYPTION_KEY: '11'.repeat(32),
    UW_BOOTSTRAP_RUN_ON_INSTALL: 'false',
    // The simulator listens on loopback: allow-listed, like a deployment's own Clockify stand-in would be.
    UW_CLOCKIFY_API_ALLOWLIST: '127.0.0.1:*',
    // parallel work can build the SPA into its own folder (vite build --outDir) and point the suite at it
    ...(process.env.UW_WEB_DIST ? { UW_WEB_DIST: process.env.UW_WEB_DIST } : {}),
    ...(opts.clockifyPem ? { UW_CLOCKIFY_PUBLIC_KEY: opts.clockifyPem } : {}),
    ...opts.env,
  });
  const logs: string[] = [];
  const logger = createLogger(
    env.LOG_LEVEL,
    new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
  );
  const deps = await createDeps(env, logger);
  const readiness = createReadiness(deps.db, logger, 200);
  if (opts.migrate !== false) {
    await readiness.migrateUntilReady(new AbortController().signal);
    await deps.runtime.flowIndex.refresh();
  }
  const app = assembleApp({ env, deps: opts.refusals ? { ...deps, refusals: opts.refusals } : deps, logger, readiness });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.api.config.baseUrl = url;
  const worker = opts.worker
    ? createWorker(deps.runtime, {
        concurrency: opts.worker.concurrency ?? 4,
        leaseMs: opts.worker.leaseMs ?? 5_000,
        pollMs: opts.worker.pollMs ?? 50,
      })
    : null;
  worker?.start();
  const schedules = opts.schedules ? createFlowScheduler(deps.runtime, { tickMs: opts.schedules.tickMs ?? 200 }) : null;
  schedules?.start();

  return {
    url,
    deps,
    logs,
    async close() {
      await schedules?.stop();
      await worker?.stop();
      // Close open streams (live SSE subscriptions) too: close() alone waits for every connection to end.
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      await closed;
      await deps.runtime.close();
      await deps.db.close();
      if (!opts.scratch) await scratch.drop();
    },
  };
}

/** A typed tRPC client against the test server, authenticated with the given bearer token. */
export function trpcClient(url: string, token: string) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })] });
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Simulator shortcuts the server tests share. */
export const simData = (sim: TSimulator, workspaceId: string) => sim.workspace(workspaceId).data;

/** The webhooks Clockify (the simulator) holds that point at this server. */
export const hooksTo = (sim: TSimulator, workspaceId: string, serverUrl: string) =>
  simData(sim, workspaceId).webhooks.filter((w) => w.url === `${serverUrl}/webhooks/clockify`);

/** The `clockify-signature` Clockify would send for `eventType` to this server. */
export function webhookTokenFor(sim: TSimulator, to: { workspaceId: string; eventType: string; serverUrl: string }): string {
  const { workspaceId, eventType, serverUrl } = to;
  const hook = hooksTo(sim, workspaceId, serverUrl).find((w) => w.webhookEvent === eventType) ?? hooksTo(sim, workspaceId, serverUrl)[0];
  if (!hook) throw new Error(`no webhook registered for ${eventType}`);

  return hook.authToken;
}

/** A token signed with the simulator's key (so the server trusts the signature); claims as given. */
export async function signWithSim(sim: TSimulator, claims: Record<string, unknown>, opts: { expiresIn?: string } = {}) {
  const jwt = new SignJWT({ type: 'addon', ...claims })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(String(claims.iss ?? 'clockify'))
    .setSubject(String(claims.sub ?? sim.addonKey))
    .setIssuedAt();
  if (opts.expiresIn) jwt.setExpirationTime(opts.expiresIn);

  return jwt.sign(createPrivateKey(sim.privateKeyPem));
}

/** Installs the add-on the way Clockify does: INSTALLED carries the manifest's 20 webhooks with their tokens. */
export function installLikeClockify(sim: TSimulator, serverUrl: string, workspaceId: string) {
  const webhooks = MANIFEST_EVENT_TYPES.map((e) => ({ event: e.name, path: `${serverUrl}/webhooks/clockify` }));

  return sim.installInto(serverUrl, workspaceId, { webhooks });
}
