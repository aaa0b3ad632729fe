import type { TRouteSpec } from '../../catalogue/types';
import type { TTokenRecord } from '../../signing/token-issuer';
import type { TStore } from '../../state/store';
import type { TWorkspaceData } from '../../state/workspace-data';

/** Services handlers may call beyond the store (token minting for webhooks). */
export type THandlerServices = { issueWebhookToken(ws: TWorkspaceData, webhookId: string): Promise<string> };

export type THandlerInput = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** the workspace named in the path, or the token's workspace for paths without one */
  ws: TWorkspaceData;
  auth: TTokenRecord;
  store: TStore;
  services: THandlerServices;
};

export type THandlerResult = { status?: number; body?: unknown; headers?: Record<string, string> };
export type THandler = (input: THandlerInput) => THandlerResult | Promise<THandlerResult>;
export type TRouteDef = TRouteSpec & { handle: THandler };

/** Shorthand for the regular API host. */
export const api = (route: { method: string; path: string; operationId: string }, handle: THandler): TRouteDef => ({
  ...route,
  host: 'api',
  handle,
});
