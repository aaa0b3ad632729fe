import type { RouteSpec } from '../../catalogue/types';
import type { TokenRecord } from '../../signing/token-issuer';
import type { Store } from '../../state/store';
import type { WorkspaceData } from '../../state/workspace-data';

/** Services handlers may call beyond the store (token minting for webhooks). */
export type HandlerServices = { issueWebhookToken(ws: WorkspaceData, webhookId: string): Promise<string> };

export type HandlerInput = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** the workspace named in the path, or the token's workspace for paths without one */
  ws: WorkspaceData;
  auth: TokenRecord;
  store: Store;
  services: HandlerServices;
};

export type HandlerResult = { status?: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (input: HandlerInput) => HandlerResult | Promise<HandlerResult>;
export type RouteDef = RouteSpec & { handle: Handler };

/** Shorthand for the regular API host. */
export const api = (method: string, path: string, operationId: string, handle: Handler): RouteDef => ({
  method,
  path,
  operationId,
  host: 'api',
  handle,
});
