import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import {
  CatalogueError,
  ClockifyApiError,
  ClockifyCircuitOpenError,
  ClockifyRateLimitedError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
  ClockifyValidationError,
} from '@uw/clockify';
import { ExpressionError, FlowError } from '@uw/flow-engine';

import { CODE_TO_HTTP, CODE_TO_TRPC, ERROR_CODES, type TErrorCode } from './error-codes';
import { AppError, ensureAppError, UserError } from './errors';
import { OutboundError } from './outbound/outbound-errors';
import { StepError } from './services/queue/step-error';
import { toTRPCError } from './trpc';

const request = { method: 'GET', url: 'https://api.clockify.me/api/v1/workspaces/w1/webhooks', attempts: 1 };

describe('the error code table', () => {
  it('gives every code an HTTP status, a tRPC code and a kind, and tRPC answers the same status as REST', () => {
    const codes = Object.keys(ERROR_CODES) as TErrorCode[];
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const entry = ERROR_CODES[code];
      expect(entry.http, code).toBeGreaterThanOrEqual(400);
      expect(entry.http, code).toBeLessThan(600);
      expect(['user', 'operational', 'unexpected'], code).toContain(entry.kind);
      expect(CODE_TO_HTTP[code]).toBe(entry.http);
      expect(CODE_TO_TRPC[code]).toBe(entry.trpc);
      // The status a tRPC client sees for this code is the one REST and webhooks answer.
      expect(getHTTPStatusCodeFromError(new TRPCError({ code: entry.trpc })), code).toBe(entry.http);
    }
  });

  it('has UNSUPPORTED_MEDIA_TYPE (415) on both sides', () => {
    expect(ERROR_CODES.UNSUPPORTED_MEDIA_TYPE).toEqual({ http: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE', kind: 'user' });
    expect(toTRPCError(new UserError('UNSUPPORTED_MEDIA_TYPE', 'gzip only')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('ensureAppError maps every package error onto the table', () => {
  const cases: [string, unknown, TErrorCode, RegExp][] = [
    [
      'Clockify 401',
      new ClockifyApiError(401, { message: 'bad token' }, request),
      'CLOCKIFY_UNAUTHORIZED',
      /reinstall the add-on in Clockify/,
    ],
    ['Clockify 403', new ClockifyApiError(403, { message: 'no access' }, request), 'CLOCKIFY_FORBIDDEN', /^Clockify refused it.*no access/],
    ['Clockify 404', new ClockifyApiError(404, null, request), 'CLOCKIFY_NOT_FOUND', /^Clockify has no such resource/],
    [
      'Clockify 400',
      new ClockifyApiError(400, { message: 'name is required' }, request),
      'CLOCKIFY_REJECTED',
      /^Clockify refused the request.*name is required/,
    ],
    [
      'Clockify 429',
      new ClockifyRateLimitedError('slow down', request, { body: null, retryAfterMs: 3_500, retryable: false }),
      'CLOCKIFY_RATE_LIMITED',
      /^Clockify is rate limiting/,
    ],
    [
      'Clockify 5xx',
      new ClockifyUnavailableError('answered 503', { ...request, attempts: 3 }, { status: 503 }),
      'CLOCKIFY_BAD_GATEWAY',
      /^Clockify did not answer after 3 attempts/,
    ],
    [
      'Clockify timeout',
      new ClockifyTimeoutError('timed out after 10000 ms', request),
      'CLOCKIFY_TIMEOUT',
      /^Clockify did not answer in time/,
    ],
    ['Clockify circuit', new ClockifyCircuitOpenError('circuit open', request), 'CLOCKIFY_UNAVAILABLE', /^Clockify is unavailable/],
    [
      'Clockify validation',
      new ClockifyValidationError('missing projectId', ['"projectId" is required']),
      'VALIDATION_FAILED',
      /missing projectId/,
    ],
    ['catalogue', new CatalogueError('no OpenAPI document'), 'SERVICE_UNAVAILABLE', /no OpenAPI document/],
    ['SSRF', new OutboundError('SSRF_BLOCKED', 'blocked 10.0.0.1'), 'VALIDATION_FAILED', /blocked/],
    ['HTTP timeout', new OutboundError('HTTP_TIMEOUT', 'no answer in 5 s', { retryable: true }), 'UPSTREAM_TIMEOUT', /no answer/],
    ['HTTP status', new OutboundError('HTTP_STATUS', 'answered 502', { retryable: true, status: 502 }), 'UPSTREAM_ERROR', /answered 502/],
    ['flow (user)', new FlowError('FLOW_INVALID', 'the flow has no trigger'), 'VALIDATION_FAILED', /no trigger/],
    ['flow (operational)', new FlowError('STEP_UNAVAILABLE', 'down', { kind: 'operational' }), 'UPSTREAM_ERROR', /down/],
    ['expression', new ExpressionError('EXPRESSION_SYNTAX', 'unexpected token', 4), 'VALIDATION_FAILED', /unexpected token/],
    [
      'step',
      new StepError('Clockify answered 409', 'UPSTREAM_STATUS', { retryable: false, details: { status: 409 } }),
      'UPSTREAM_ERROR',
      /409/,
    ],
  ];

  it.each(cases)('%s', (...[_name, err, code, message]) => {
    const app = ensureAppError(err);
    expect(app).toBeInstanceOf(AppError);
    expect(app.code).toBe(code);
    expect(app.message).toMatch(message);
    expect(app.kind).not.toBe('unexpected');
    expect(app.cause).toBe(err);
    expect(toTRPCError(err).code).toBe(ERROR_CODES[code].trpc);
  });

  it('keeps the details a client needs: retry-after, the upstream status, the flow code and position', () => {
    expect(
      ensureAppError(new ClockifyRateLimitedError('slow', request, { body: null, retryAfterMs: 3_500, retryable: false })).details,
    ).toMatchObject({
      retryAfterSeconds: 4,
    });
    expect(ensureAppError(new ClockifyApiError(403, null, request)).details).toMatchObject({
      status: 403,
      clockifyCode: 'CLOCKIFY_API_ERROR',
    });
    expect(ensureAppError(new ExpressionError('EXPRESSION_SYNTAX', 'bad', 7)).details).toMatchObject({
      flowCode: 'EXPRESSION_SYNTAX',
      position: 7,
    });
    expect(ensureAppError(new OutboundError('HTTP_TIMEOUT', 'slow', { retryable: true })).kind).toBe('operational');
  });

  it('makes anything else INTERNAL, answered as "internal error" with the original kept as the cause', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const app = ensureAppError(bug);
    expect(app).toMatchObject({ code: 'INTERNAL', kind: 'unexpected' });
    expect(app.cause).toBe(bug);
    const trpc = toTRPCError(bug);
    expect(trpc).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
  });
});
