import { z } from 'zod';

import { createClockifyHostPolicy } from '@uw/api';

import { normalizeDatabaseUrl } from './database-url';

/** The only module that reads process.env. Every variable the product understands is listed here. */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));
const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: 'expected a number' })
    .int('expected a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .optional()
    .transform((v) => v ?? fallback);
const text = () =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Python's level names, as the seed's examples use them (`LOG_LEVEL=INFO`, `WARNING`). */
const LOG_LEVEL_ALIASES: Record<string, (typeof LOG_LEVELS)[number]> = { warning: 'warn', critical: 'fatal' };
/** Any case: INFO → info, WARNING → warn. */
const logLevel = () =>
  z
    .string()
    .default('info')
    .transform((v) => v.trim().toLowerCase())
    .transform((v) => LOG_LEVEL_ALIASES[v] ?? v)
    .pipe(z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')} (any case)` }));
/** Ours or SQLAlchemy's forms (database-url.ts); an unknown scheme is refused with the accepted forms. */
const databaseUrl = () =>
  text().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const parsed = normalizeDatabaseUrl(v);
    if (parsed.ok) return parsed.url;
    ctx.addIssue({ code: 'custom', message: parsed.message });

    return z.NEVER;
  });

/** Comma-separated entries, trimmed, empty ones dropped. */
const commaList = () =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

export const ZEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(8001, 0, 65535),
  // unset: 0.0.0.0 in production, 127.0.0.1 otherwise (a development server is not reachable from the network)
  HOST: z.string().optional(),
  LOG_LEVEL: logLevel(),
  // auto: human-readable lines when stdout is a terminal, JSON otherwise
  UW_LOG_FORMAT: z.enum(['auto', 'json', 'pretty'], { message: 'expected auto, json or pretty' }).default('auto'),
  UNIVERSAL_WEBHOOK_DB_URL: databaseUrl(),
  UW_DB_POOL_MAX: int(10, 1, 200),
  UW_DB_QUERY_TIMEOUT_MS: int(10_000, 1_000, 600_000),
  UW_DATA_DIR: z.string().default('./data'),
  UW_BASE_URL: z.url({ message: 'expected an absolute URL such as https://addon.example.com' }).optional(),
  UW_ADDON_KEY: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/i, 'expected a manifest key')
    .default('universal-webhook'),
  // unset: Clockify's published key (@uw/clockify CLOCKIFY_PUBLIC_KEY_PEM); PEM text or a file path overrides it
  UW_CLOCKIFY_PUBLIC_KEY: text(),
  UW_ENCRYPTION_KEY: text(),
  // unset: data/openapi.json when synced there, else the committed snapshot (catalogue.ts)
  UW_CLOCKIFY_OPENAPI: text(),
  UW_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  UW_HTTP_ALLOWLIST: commaList(),
  // host (ports 80/443), host:port or host:* besides Clockify's own hosts; checked here so a typo stops the start
  UW_CLOCKIFY_API_ALLOWLIST: commaList().superRefine((list, ctx) => {
    try {
      createClockifyHostPolicy(list);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message.replace(/^UW_CLOCKIFY_API_ALLOWLIST: /, '') });
    }
  }),
  UW_DEV_LOGIN: bool(true),
  // the workspace the development login signs in to (installed first, e.g. `npm run demo`'s); empty: a local one
  UW_DEV_LOGIN_WORKSPACE: text(),
  // the built SPA served at /; empty means apps/web/dist in the repository
  UW_WEB_DIST: text(),
  UW_METRICS_TOKEN: text(),
  UW_WEBHOOK_BODY_LIMIT_BYTES: int(1_048_576, 1_024, 50 * 1_048_576),
  // tRPC bodies (the admin API); refused with 413 past it, without buffering
  UW_MAX_BODY_BYTES: int(1_048_576, 1_024, 50 * 1_048_576),
  UW_WORKER_CONCURRENCY: int(64, 1, 256),
  UW_SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 120_000),
  // Workspace setting defaults (the seed's names). Settings saved in Clockify override them per workspace.
  UW_BOOTSTRAP_RUN_ON_INSTALL: bool(true),
  UW_BOOTSTRAP_MAX_RPS: int(25, 1, 50),
  UW_BOOTSTRAP_INCLUDE_HEAVY: bool(false),
  UW_BOOTSTRAP_INCLUDE_TIME_ENTRIES: bool(false),
  UW_BOOTSTRAP_TIME_ENTRY_DAYS: int(30, 1, 3650),
  UW_ENABLE_CUSTOM_WEBHOOKS: bool(true),
  UW_WEBHOOK_LOG_RETENTION_DAYS: int(90, 1, 3650),
  UW_DEDUP_WINDOW_DAYS: int(7, 1, 365),
  // 'none' (Clockify needs a non-empty text value); otherwise comma-separated paths such as $.user.email
  UW_REDACT_FIELDS: z.string().default('none'),
  UW_ENABLE_FLOWS: bool(true),
  UW_ENABLE_GENERIC_HTTP_ACTIONS: bool(false),
  UW_FLOW_EXECUTION_RETENTION_DAYS: int(90, 1, 3650),
  UW_FLOW_MAX_ATTEMPTS: int(5, 1, 20),
  UW_CACHE_TTL_DAYS: int(7, 1, 365),
});

/** HOST always has a value once read (its default depends on NODE_ENV). */
export type TEnv = Omit<z.infer<typeof ZEnvSchema>, 'HOST'> & { HOST: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a ConfigError naming every variable that is wrong. */
export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production') {
    const missing = ['UW_ENCRYPTION_KEY', 'UW_BASE_URL'].filter((k) => !env[k as keyof TEnv]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required in production`).join('\n')}`);
    }
  }

  return {
    ...env,
    HOST: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    UW_DEV_LOGIN: env.NODE_ENV === 'production' ? false : env.UW_DEV_LOGIN,
  };
}
