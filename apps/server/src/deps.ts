import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';

import type { Logger } from 'pino';

import {
  createClockifyNet,
  createClusterBus,
  createEventBus,
  createLiveLimits,
  createRuntime,
  createSharedRateLimiter,
  createTokenCipher,
  type TApiDeps,
  type TPeriodicJob,
  type TRuntime,
  type TSettingsValues,
} from '@uw/api';
import { createMemoryRateLimiter } from '@uw/clockify';
import { openDatabase, openSignals, type TDatabase } from '@uw/db';

import { createCatalogueHolder, openApiSources } from './catalogue';
import type { TEnv } from './env';
import type { TRefusalLimitOptions } from './http/refusal-limit';
import { createMetrics } from './metrics';
import { devSecretFrom, loadClockifyKey, loadEncryptionKeys } from './secrets';

export type TServerDeps = {
  env: TEnv;
  db: TDatabase;
  runtime: TRuntime;
  api: TApiDeps;
  metrics: ReturnType<typeof createMetrics>;
  /** Periodic upkeep of what was built here (the shared rate limiter's windows), run by the background scheduler. */
  upkeep: TPeriodicJob[];
  /** The per-address refusal budget of unauthenticated webhooks (defaults in http/refusal-limit.ts; tests slow its refill). */
  refusals?: TRefusalLimitOptions;
};

const MINUTE = 60_000;

export function settingsDefaultsFrom(env: TEnv): TSettingsValues {
  return {
    run_on_install: env.UW_BOOTSTRAP_RUN_ON_INSTALL,
    include_heavy: env.UW_BOOTSTRAP_INCLUDE_HEAVY,
    max_rps: env.UW_BOOTSTRAP_MAX_RPS,
    include_time_entries: env.UW_BOOTSTRAP_INCLUDE_TIME_ENTRIES,
    time_entry_days_back: env.UW_BOOTSTRAP_TIME_ENTRY_DAYS,
    enable_custom: env.UW_ENABLE_CUSTOM_WEBHOOKS,
    log_retention_days: env.UW_WEBHOOK_LOG_RETENTION_DAYS,
    dedup_window_days: env.UW_DEDUP_WINDOW_DAYS,
    redact_fields: env.UW_REDACT_FIELDS,
    enable_flows: env.UW_ENABLE_FLOWS,
    enable_generic_http_actions: env.UW_ENABLE_GENERIC_HTTP_ACTIONS,
    execution_retention_days: env.UW_FLOW_EXECUTION_RETENTION_DAYS,
    flow_max_attempts: env.UW_FLOW_MAX_ATTEMPTS,
    cache_ttl_days: env.UW_CACHE_TTL_DAYS,
  };
}

export const baseUrlOf = (env: TEnv) => env.UW_BASE_URL ?? `http://localhost:${env.PORT}`;

/** Opens the database (without migrating: readiness does that, with retries) and wires the services. */
export async function createDeps(env: TEnv, logger: Logger, overrides: Partial<TApiDeps> = {}): Promise<TServerDeps> {
  const keys = loadEncryptionKeys(env.UW_ENCRYPTION_KEY, env.UW_DATA_DIR, logger);
  const db = await openDatabase({
    url: env.UNIVERSAL_WEBHOOK_DB_URL,
    sqlitePath: join(env.UW_DATA_DIR, 'universal-webhook.db'),
    poolMax: env.UW_DB_POOL_MAX,
    queryTimeoutMs: env.UW_DB_QUERY_TIMEOUT_MS,
    migrate: false,
  });
  const metrics = createMetrics(db);
  // On PostgreSQL every process shares one limit per workspace; SQLite runs a single process.
  const onWait = (_key: string, ms: number) => metrics.hooks.rateLimitWait(ms / 1000);
  const shared = db.dialect === 'postgresql' ? createSharedRateLimiter(db, { onWait }) : null;
  // Several processes share one PostgreSQL: wake-ups, live events and flow changes travel by LISTEN/NOTIFY.
  const signals = db.dialect === 'postgresql' ? openSignals(db, env.UNIVERSAL_WEBHOOK_DB_URL!, logger) : null;
  const upkeep: TPeriodicJob[] = shared ? [{ name: 'rate-window-prune', periodMs: MINUTE, run: () => shared.prune() }] : [];
  const base: Omit<TApiDeps, 'clockifyNet' | 'liveLimits'> = {
    db,
    logger,
    config: {
      addonKey: env.UW_ADDON_KEY,
      baseUrl: baseUrlOf(env),
      nodeEnv: env.NODE_ENV,
      devLogin: env.UW_DEV_LOGIN,
      settingsDefaults: settingsDefaultsFrom(env),
      httpAllowlist: env.UW_HTTP_ALLOWLIST,
      clockifyApiAllowlist: env.UW_CLOCKIFY_API_ALLOWLIST,
      processId: `${hostname()}-${process.pid}`,
    },
    cipher: createTokenCipher(keys),
    clockifyKey: loadClockifyKey(env.UW_CLOCKIFY_PUBLIC_KEY, logger),
    devSecret: devSecretFrom(keys[0]!),
    bus: signals
      ? createClusterBus(createEventBus(), signals, { origin: `${hostname()}-${process.pid}-${randomUUID()}`, logger })
      : createEventBus(),
    signals,
    catalogue: await createCatalogueHolder(openApiSources(env), logger),
    rateLimiter: shared ?? createMemoryRateLimiter(),
    metrics: metrics.hooks,
    ...overrides,
  };
  const api: TApiDeps = {
    ...base,
    clockifyNet:
      overrides.clockifyNet ??
      createClockifyNet({ allowlist: base.config.clockifyApiAllowlist ?? [], fetch: base.fetch, logger: base.logger }),
    liveLimits: createLiveLimits({ db, bus: base.bus, logger, settingsDefaults: base.config.settingsDefaults }),
  };

  return { env, db, api, metrics, upkeep, runtime: createRuntime(api) };
}
