import { TRPCClientError } from '@trpc/client';

export type TFlowIssueLike = { nodeId?: string; code?: string; message: string; severity?: string };

type TErrorData = { code?: string; httpStatus?: number; appCode?: string | null; details?: { issues?: TFlowIssueLike[] } | null };

function dataOf(err: unknown): TErrorData | undefined {
  return err instanceof TRPCClientError ? (err.data as TErrorData | undefined) : undefined;
}

/** The server's own message (never a generic one when the server said something). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) {
    return err.message;
  }

  return typeof err === 'string' ? err : 'Something went wrong.';
}

export function errorCode(err: unknown): string | undefined {
  return dataOf(err)?.code;
}

export function httpStatusOf(err: unknown): number | undefined {
  return dataOf(err)?.httpStatus;
}

/** 4xx answers are final: retrying them cannot help. */
export function isClientError(err: unknown): boolean {
  const status = httpStatusOf(err);

  return status !== undefined && status >= 400 && status < 500;
}

/**
 * Clockify refused a call the server made for us (`CLOCKIFY_FORBIDDEN`, `CLOCKIFY_UNAUTHORIZED`, …): it
 * answers FORBIDDEN or UNAUTHORIZED too, but says nothing about the caller's own role or session.
 */
export function isClockifyRefusal(err: unknown): boolean {
  return dataOf(err)?.appCode?.startsWith('CLOCKIFY_') === true;
}

/** The server refused the caller's role or key scope (a member on an admin page, a read-only key writing). */
export function isForbidden(err: unknown): boolean {
  return errorCode(err) === 'FORBIDDEN' && !isClockifyRefusal(err);
}

/** A procedure the server does not have yet (tRPC answers NOT_FOUND "No procedure found on path …"). */
export function isMissingProcedure(err: unknown): boolean {
  return errorCode(err) === 'NOT_FOUND' && /no procedure found/i.test(errorMessage(err));
}

/** Validation issues the server attached to a refused save (`data.details.issues`). */
export function errorIssues(err: unknown): TFlowIssueLike[] {
  const issues = dataOf(err)?.details?.issues;

  return Array.isArray(issues) ? issues : [];
}
