import { ensureAppError } from './errors';
import { resolveCaller } from './services/auth/caller';
import type { TRuntime } from './runtime';
import type { TContext } from './trpc';

/** Builds the tRPC context from the Authorization header; an invalid token leaves the reason for the error. */
export async function createContext(runtime: TRuntime, authorization: string | undefined): Promise<TContext> {
  const { deps } = runtime;
  try {
    return { deps, runtime, caller: await resolveCaller(deps, authorization), authError: null };
  } catch (err) {
    return { deps, runtime, caller: null, authError: ensureAppError(err).message };
  }
}
