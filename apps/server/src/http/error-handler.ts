import type { ErrorRequestHandler } from 'express';

import { AppError, ensureAppError } from '@uw/api';

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: (e: BodyParserError) => string }> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: (e) => `the body is larger than ${e.limit} bytes` },
  'entity.parse.failed': { status: 400, code: 'INVALID_JSON', message: () => 'the body is not valid JSON' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: () => 'unsupported content encoding' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: () => 'unsupported charset' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: () => 'the request was aborted' },
};

/** The one place errors become HTTP answers: `{ error: { code, message } }`, never a stack. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const parserError = BODY_PARSER_ERRORS[(err as BodyParserError)?.type ?? ''];
  if (parserError) {
    res.status(parserError.status).json({ error: { code: parserError.code, message: parserError.message(err as BodyParserError) } });

    return;
  }
  const app = ensureAppError(err);
  if (app.kind === 'unexpected') {
    req.log?.error({ err }, 'unexpected error');
  } else if (app.code === 'SERVICE_UNAVAILABLE') {
    req.log?.warn({ err: (err as Error)?.message }, 'service unavailable');
  }
  const message = app.kind === 'unexpected' ? 'internal error' : app.message;
  if (app instanceof AppError && app.details?.retryAfterSeconds) {
    res.setHeader('Retry-After', String(app.details.retryAfterSeconds));
  }
  res.status(app.status).json({ error: { code: app.code, message } });
};
