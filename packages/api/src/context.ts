import type { TApiDeps } from './deps';
import { ensureAppError } from './errors';
import { resolveCaller } from './services/auth/caller';
import type { TContext } from './trpc';

/** Builds the tRPC context from the Authorization header; an invalid token leaves the reason for the error. */
export async function createContext(deps: TApiDeps, authorization: string | undefined): Promise<TContext> {
  try {
    return { deps, caller: await resolveCaller(deps, authorization), authError: null };
  } catch (err) {
    return { deps, caller: null, authError: ensureAppError(err).message };
  }
}
