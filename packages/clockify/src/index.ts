export {
  API_EVENT_TYPES,
  entityOfEvent,
  EVENT_TYPES,
  eventTypeInfo,
  isEventType,
  MANIFEST_EVENT_TYPES,
  type TEventEntity,
  type TEventTypeInfo,
  type TEventTypeName,
} from './events';
export { cacheEffectOfEvent, entityIdOfEvent, type TCacheEffect, type TCachedEntityType } from './event-cache-effect';

export {
  catalogueFromDocument,
  CatalogueError,
  loadCatalogue,
  openApiProblem,
  SYNC_HINT,
  type TCatalogue,
  type TOperationMethod,
  type TJsonSchema,
  type TOperation,
  type TOperationParameter,
  type TOperationRequestBody,
  type TOperationResponse,
} from './catalogue';
export { exampleFromSchema } from './example-from-schema';
export { normalizeSchemaNode } from './normalize-schema';
export { validateRequest, type TRequestInput } from './validate';

export { CLOCKIFY_MAX_RPS, createClockifyClient } from './client';
export { createNodeTransport, type TNodeTransportOptions } from './node-transport';
export { fetchTransport, type TTransport, type TTransportRequest, type TTransportResponse } from './transport';
export type {
  TCallOptions,
  TClockifyClient,
  TClockifyClientOptions,
  TClockifyLogger,
  TClockifyResponse,
  TExecuteInput,
  TPageResult,
  TPaginateOptions,
  TRawRequest,
} from './client-types';
export { CLOSING_GUARD_MS, createMemoryRateLimiter, type TMemoryRateLimiterOptions, type TRateLimiter } from './rate-limiter';
export { createBreakerRegistry, type TBreakerOptions, type TBreakerRegistry } from './retry';
export { parseRetryAfter } from './retry-after';
export {
  ClockifyApiError,
  ClockifyCircuitOpenError,
  ClockifyError,
  ClockifyNetworkError,
  ClockifyRateLimitedError,
  ClockifyRedirectError,
  ClockifyTimeoutError,
  ClockifyUnavailableError,
  ClockifyValidationError,
  isRetryableError,
  type TClockifyErrorCode,
  type TClockifyErrorKind,
} from './errors';

export {
  readPublicKey,
  signClockifyToken,
  TokenError,
  verifyClockifyToken,
  type TClockifyClaims,
  type TRsaKeyInput,
  type TTokenErrorReason,
  type TVerifyOptions,
} from './jwt';

export { CLOCKIFY_PUBLIC_KEY_PEM } from './public-key';

export { CLOCKIFY_OPENAPI_URL, syncOpenApi, type TSyncOptions, type TSyncResult } from './sync';
