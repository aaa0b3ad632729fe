import type { TTokenIssuer } from '../signing/token-issuer';
import type { TStore } from '../state/store';
import type { TWorkspaceData } from '../state/workspace-data';
import type { TFaults } from './faults';
import type { THandler, THandlerServices } from './handlers/types';
import type { TRateLimiter } from './rate-limit';
import type { TRecordedRequest, TViolation } from './recorder';
import type { TRouteTable } from './route-table';
import type { TValidator } from './validation/validator';

/** Everything the request pipeline works with. */
export type TServerDeps = {
  store: TStore;
  routes: TRouteTable;
  handlerFor(operationId: string): THandler | undefined;
  /** absent when no OpenAPI document was found */
  validator?: TValidator;
  issuer: TTokenIssuer;
  limiter: TRateLimiter;
  faults: TFaults;
  services: THandlerServices;
  requests: TRecordedRequest[];
  violations: TViolation[];
  notices: string[];
  /** called after every successful (2xx) call; startSimulator uses it to send webhooks when asked to */
  onSuccess?: (change: { operationId: string; ws: TWorkspaceData; params: Record<string, string>; result: unknown }) => void;
};
