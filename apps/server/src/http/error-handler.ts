import type { ErrorRequestHandler } from 'express';

import { ensureAppError, UserError, type AppError, type TErrorCode } from '@uw/api';

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/** body-parser's failures, as codes of the one error table (their statuses come from it). */
const BODY_PARSER_ERRORS: Record<string, { code: TErrorCode; message: (e: BodyParserError) => string }> = {
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: (e) => `the body is larger than ${e.limit} bytes` },
  'entity.parse.failed': { code: 'INVALID_JSON', message: () => 'the body is not valid JSON' },
  'encoding.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: () => 'unsupported content encoding' },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: () => 'unsupported charset' },
  'request.aborted': { code: 'BAD_REQUEST', message: () => 'the request was aborted' },
};

function toAppError(err: unknown): AppError {
  const parserError = BODY_PARSER_ERRORS[(err as BodyParserError | undefined)?.type ?? ''];

  return parserError ? new UserError(parserError.code, parserError.message(err as BodyParserError)) : ensureAppError(err);
}

/** The one place errors become HTTP answers: `{ error: { code, message } }`, never a stack. */
// eslint-disable-next-line @typescript-eslint/max-params -- Express tells an error handler by its four parameters
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const app = toAppError(err);
  if (app.kind === 'unexpected') {
    req.log?.error({ err }, 'unexpected error');
  } else if (app.code === 'SERVICE_UNAVAILABLE') {
    req.log?.warn({ err }, 'service unavailable');
  }
  const message = app.kind === 'unexpected' ? 'internal error' : app.message;
  if (app.details?.retryAfterSeconds) {
    res.setHeader('Retry-After', String(app.details.retryAfterSeconds));
  }
  res.status(app.status).json({ error: { code: app.code, message } });
};
