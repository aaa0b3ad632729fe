import type { KeyObject } from 'node:crypto';

import type { TCatalogue, TRateLimiter } from '@uw/clockify';
import type { TDatabase, TSignals } from '@uw/db';

import type { TEventBus } from './services/events/event-bus';
import type { TClockifyNet } from './services/installations/clockify-fetch';
import type { TLiveLimits } from './services/installations/live-limits';
import type { TMetrics } from './services/metrics/metrics';
import type { TTokenCipher } from './services/security/token-cipher';
import type { TSettingsValues } from './services/settings/definitions';

/** pino-compatible logger: (obj, msg) or (msg). */
export type TLogger = {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
};

export type TApiConfig = {
  addonKey: string;
  baseUrl: string;
  nodeEnv: 'development' | 'production' | 'test';
  devLogin: boolean;
  settingsDefaults: TSettingsValues;
  httpAllowlist: string[];
  /** UW_CLOCKIFY_API_ALLOWLIST: hosts the Clockify client may call besides Clockify's own (tests, simulator). */
  clockifyApiAllowlist?: string[];
  /** Identifies this process in leases and job locks. */
  processId: string;
};

export type TCatalogueHolder = {
  get(): TCatalogue | null;
  /** Why the catalogue is missing, for the explorer's empty state. */
  error(): string | null;
};

export type TApiDeps = {
  db: TDatabase;
  logger: TLogger;
  config: TApiConfig;
  cipher: TTokenCipher;
  /** Clockify's RS256 public key; null when not configured (Clockify calls are then refused). */
  clockifyKey: KeyObject | null;
  /** HS256 secret for dev-login sessions (outside production only). */
  devSecret: Uint8Array;
  bus: TEventBus;
  /** PostgreSQL LISTEN/NOTIFY between processes (worker nudge, live events, flow index); null on SQLite. */
  signals: TSignals | null;
  catalogue: TCatalogueHolder;
  rateLimiter: TRateLimiter;
  metrics: TMetrics;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** How every Clockify client reaches Clockify (`createClockifyNet`: trusted hosts direct, others SSRF-guarded). */
  clockifyNet: TClockifyNet;
  /** Each workspace's current `max_rps`, followed across processes while clients live (`createLiveLimits`). */
  liveLimits: TLiveLimits;
};
