import type { Delivery } from './delivery/core';
import type { InstallOptions, InstallResult } from './delivery/install-into';
import type { LifecycleKind, LifecycleResult } from './delivery/send-lifecycle';
import type { EmitResult, SendWebhookOptions, WebhookResult } from './delivery/send-webhook';
import type { Faults } from './server/faults';
import type { RecordedRequest, Violation } from './server/recorder';
import type { UserTokenOptions } from './signing/tokens';
import type { SeedOptions } from './state/store';
import type { WorkspaceData } from './state/workspace-data';

export type SimulatorOptions = {
  /** Clockify's OpenAPI document; default: data/openapi.json (synced), else the committed openapi.json; false: none */
  openapiPath?: string | false;
  seed?: SeedOptions;
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
export type SimWorkspace = {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly token: string;
  readonly data: WorkspaceData;
};

export type Simulator = {
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
  workspaces: readonly SimWorkspace[];
  /** a workspace by id (default: the first) */
  workspace(workspaceId?: string): SimWorkspace;
  /** every API request received (tokens redacted) */
  requests: RecordedRequest[];
  /** response-schema violations, recorded without failing requests */
  violations: Violation[];
  /** things worth knowing (no OpenAPI document, schemas that did not compile, handler crashes) */
  notices: string[];
  /** every POST made to an add-on */
  deliveries: Delivery[];
  /** operations routed (catalogue + built-in) and whether validation is on */
  validation: { enabled: boolean; source?: string };
  faults: Faults;
  countPerSecond(workspaceId: string): number;
  clearRequests(): void;
  installInto(addonBaseUrl: string, workspaceId: string, options?: InstallOptions): Promise<InstallResult>;
  sendLifecycle(addonBaseUrl: string, kind: LifecycleKind, workspaceId: string, body?: Record<string, unknown>): Promise<LifecycleResult>;
  userToken(workspaceId: string, options?: UserTokenOptions): Promise<string>;
  sendWebhook(addonBaseUrl: string, workspaceId: string, eventType: string, options?: SendWebhookOptions): Promise<WebhookResult>;
  emitWebhook(workspaceId: string, eventType: string, options?: { body?: unknown }): Promise<EmitResult>;
};
