import type { TDelivery } from './delivery/core';
import type { TInstallOptions, TInstallResult } from './delivery/install-into';
import type { TLifecycleResult, TLifecycleTarget } from './delivery/send-lifecycle';
import type { TEmitResult, TSendWebhookOptions, TWebhookResult, TWebhookTarget } from './delivery/send-webhook';
import type { TFaults } from './server/faults';
import type { TRecordedRequest, TViolation } from './server/recorder';
import type { TUserTokenOptions } from './signing/tokens';
import type { TSeedOptions } from './state/store';
import type { TWorkspaceData } from './state/workspace-data';

export type TSimulatorOptions = {
  /** Clockify's OpenAPI document; default: data/openapi.json (synced), else the committed openapi.json; false: none */
  openapiPath?: string | false;
  seed?: TSeedOptions;
  /** default 0 (any free port) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** per workspace per aligned second (default 50; 0 or Infinity disables) */
  rateLimitPerSecond?: number;
  /** the add-on key (JWT `sub`), default 'universal-webhook' */
  addonKey?: string;
  /** sign with this key instead of a fresh RSA-2048 pair */
  privateKeyPem?: string;
  /** timeout of lifecycle and webhook POSTs to the add-on (default 10 s) */
  deliveryTimeoutMs?: number;
  /** like Clockify, send the matching webhook after API changes (create project → NEW_PROJECT …); default false */
  emitOnApiChanges?: boolean;
};

/** A seeded workspace; `token` is its current installation token (X-Addon-Token). */
export type TSimWorkspace = {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly token: string;
  readonly data: TWorkspaceData;
};

export type TSimulator = {
  url: string;
  /** `${url}/api` (the token's backendUrl) */
  apiUrl: string;
  /** `${url}/reports` (the token's reportsUrl) */
  reportsUrl: string;
  close(): Promise<void>;
  privateKeyPem: string;
  publicKeyPem: string;
  addonId: string;
  addonKey: string;
  workspaces: readonly TSimWorkspace[];
  /** a workspace by id (default: the first) */
  workspace(workspaceId?: string): TSimWorkspace;
  /** every API request received (tokens redacted) */
  requests: TRecordedRequest[];
  /** response-schema violations, recorded without failing requests */
  violations: TViolation[];
  /** things worth knowing (no OpenAPI document, schemas that did not compile, handler crashes) */
  notices: string[];
  /** every POST made to an add-on */
  deliveries: TDelivery[];
  /** operations routed (catalogue + built-in) and whether validation is on */
  validation: { enabled: boolean; source?: string };
  faults: TFaults;
  countPerSecond(workspaceId: string): number;
  clearRequests(): void;
  installInto(addonBaseUrl: string, workspaceId: string, options?: TInstallOptions): Promise<TInstallResult>;
  sendLifecycle(target: TLifecycleTarget, body?: Record<string, unknown>): Promise<TLifecycleResult>;
  userToken(workspaceId: string, options?: TUserTokenOptions): Promise<string>;
  sendWebhook(target: TWebhookTarget, options?: TSendWebhookOptions): Promise<TWebhookResult>;
  emitWebhook(workspaceId: string, eventType: string, options?: { body?: unknown }): Promise<TEmitResult>;
};
