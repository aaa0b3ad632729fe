import type { TokenIssuer } from '../signing/token-issuer';
import type { Store } from '../state/store';
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
};
