import type { TSimOperation } from '../catalogue/types';
import type { TTokenIssuer } from '../signing/token-issuer';
import type { TStore } from '../state/store';
import { fallbackHandler } from './fallback';
import { createFaults } from './faults';
import { ROUTES } from './handlers/index';
import type { THandler, THandlerServices } from './handlers/types';
import { createRateLimiter } from './rate-limit';
import { createRouteTable } from './route-table';
import type { TServerDeps } from './server-deps';
import { createValidator } from './validation/validator';

export type TBuildDepsInput = {
  store: TStore;
  issuer: TTokenIssuer;
  services: THandlerServices;
  /** the catalogue's operations; undefined = no document (built-in routes, no validation) */
  operations?: readonly TSimOperation[];
  rateLimitPerSecond: number;
  notices: string[];
};

/**
 * Routes are the catalogue's operations (so every documented path answers) plus any built-in route the
 * document lacks; handlers are the built-in ones, else the schema-shaped fallback.
 */
export function buildDeps(input: TBuildDepsInput): TServerDeps {
  const builtin = new Map<string, THandler>(ROUTES.map((r) => [r.operationId, r.handle]));
  const documented = input.operations ?? [];
  const known = new Set(documented.map((o) => o.operationId));
  const operations: TSimOperation[] = [
    ...documented,
    ...ROUTES.filter((r) => !known.has(r.operationId)).map(({ handle: _h, ...spec }) => spec),
  ];
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const fallbacks = new Map<string, THandler>();
  const handlerFor = (operationId: string): THandler | undefined => {
    const own = builtin.get(operationId);
    const op = byId.get(operationId);
    if (own || !op || !known.has(operationId)) {
      return own;
    }
    if (!fallbacks.has(operationId)) {
      fallbacks.set(operationId, fallbackHandler(op));
    }

    return fallbacks.get(operationId);
  };

  return {
    store: input.store,
    routes: createRouteTable(operations),
    handlerFor,
    validator: input.operations ? createValidator((m) => input.notices.push(m)) : undefined,
    issuer: input.issuer,
    limiter: createRateLimiter(input.rateLimitPerSecond),
    faults: createFaults(),
    services: input.services,
    requests: [],
    violations: [],
    notices: input.notices,
  };
}
