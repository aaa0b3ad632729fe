import { initTRPC, TRPCError } from '@trpc/server';
import type { z } from 'zod';

import type { TApiDeps } from './deps';
import type { TRuntime } from './runtime';
import { AppError, CODE_TO_TRPC, ensureAppError } from './errors';
import type { TCaller } from './services/auth/caller';
import { auditActionFor, readBefore, recordAudit } from './services/audit/record-audit';
import { assertAccess, type TKeyScope } from './services/auth/scopes';

export type TContext = { deps: TApiDeps; runtime: TRuntime; caller: TCaller | null; authError: string | null };

/**
 * tRPC checks no subscription's output: a subscription names the schema of its items here and sends each
 * through `parseEach` with it (the router test checks every subscription declares one).
 */
export type TProcedureMeta = {
  items?: z.ZodType;
  /**
   * The procedure declares no input (no `.input()`): the audit then reads no body, since tRPC's reader
   * throws on the empty one. The audit test checks this matches the procedure's declaration.
   */
  noInput?: true;
};

/** Every item of `source`, parsed with `schema` (unknown keys dropped) before it is sent. */
export async function* parseEach<TSchema extends z.ZodType>(
  schema: TSchema,
  source: AsyncIterable<unknown>,
): AsyncGenerator<z.output<TSchema>> {
  for await (const item of source) yield schema.parse(item);
}

/** Converts our errors to tRPC errors with the same message and a stable `appCode`. */
export function toTRPCError(err: unknown): TRPCError {
  if (err instanceof TRPCError) {
    return err;
  }
  const app = ensureAppError(err);
  const message = app.kind === 'unexpected' ? 'internal error' : app.message;

  return new TRPCError({ code: CODE_TO_TRPC[app.code], message, cause: app });
}

const t = initTRPC
  .context<TContext>()
  .meta<TProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause instanceof AppError ? error.cause : undefined;

      return { ...shape, data: { ...shape.data, stack: undefined, appCode: cause?.code ?? null, details: cause?.details ?? null } };
    },
  });

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as cause.
    throw result.error.code === 'INTERNAL_SERVER_ERROR' ? toTRPCError(result.error.cause ?? result.error) : result.error;
  }

  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/** Any authenticated caller of a workspace. */
export const workspaceProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.caller) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: ctx.authError ?? 'sign in: send Authorization: Bearer <token>' });
  }

  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

/**
 * The audit trail: every successful mutation by a signed-in caller is recorded (who, when, what, target), as
 * `services/audit/audit-actions.ts` describes it. Runs before the access check, so a refused call records nothing.
 */
const audited = workspaceProcedure.use(async ({ ctx, path, type, meta, getRawInput, next }) => {
  const action = type === 'mutation' ? auditActionFor(path) : null;
  if (!action) return next();
  // Without a declared input there is nothing to describe (and no body to read); any other body that cannot
  // be read fails the call here (BAD_REQUEST), before anything is read or changed, and records nothing.
  const input = meta?.noInput ? undefined : await getRawInput();
  const before = await readBefore(ctx.deps, ctx.caller, { action, input });
  const result = await next();
  if (result.ok) await recordAudit(ctx.deps, ctx.caller, { path, action, input, output: result.data, before });

  return result;
});

/**
 * Access levels (see `assertAccess`): members of the workspace who are not admins pass only
 * `workspaceProcedure`; everything that shows flows, executions, step data or logs needs at least
 * `readProcedure`.
 */
function needs(level: TKeyScope) {
  return audited.use(({ ctx, next }) => {
    assertAccess(ctx.caller, level);

    return next({ ctx });
  });
}

/** Reads of flows, executions, logs, keys and the catalogue: workspace admins and service keys of any scope. */
export const readProcedure = needs('read');
/** Changes to flows, replays, retries: workspace admins and `write` or `admin` service keys. */
export const writeProcedure = needs('write');
/** Keys, sources, secrets and destructive Clockify calls: workspace admins and `admin` service keys. */
export const adminProcedure = needs('admin');
