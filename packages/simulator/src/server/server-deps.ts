import type { TokenIssuer } from '../signing/token-issuer';
import type { Store } from '../state/store';
import type { WorkspaceData } from '../state/workspace-data';
import type { Faults } from './faults';
import type { Handler, HandlerServices } from './handlers/types';
import type { RateLimiter } from './rate-limit';
import type { RecordedRequest, Violation } from './recorder';
import type { RouteTable } from './route-table';
import type { Validator } from './validation/validator';

/** Everything the request pipeline works with. */
export type ServerDeps = {
  store: Store;
  routes: RouteTable;
  handlerFor(operationId: string): Handler | undefined;
  /** absent when no OpenAPI document was found */
  validator?: Validator;
  issuer: TokenIssuer;
  limiter: RateLimiter;
  faults: Faults;
  services: HandlerServices;
  requests: RecordedRequest[];
  violations: Violation[];
  notices: string[];
  /** called after every successful (2xx) call; startSimulator uses it to send webhooks when asked to */
  onSuccess?: (change: { operationId: string; ws: WorkspaceData; params: Record<string, string>; result: unknown }) => void;
};
