export {
  API_EVENT_TYPES,
  entityOfEvent,
  EVENT_TYPES,
  eventTypeInfo,
  isEventType,
  MANIFEST_EVENT_TYPES,
  type EventEntity,
  type EventTypeInfo,
  type EventTypeName,
} from './events';
export { cacheEffectOfEvent, entityIdOfEvent, type CacheEffect, type CachedEntityType } from './event-cache-effect';

export {
  catalogueFromDocument,
  CatalogueError,
  loadCatalogue,
  openApiProblem,
  SYNC_HINT,
  type Catalogue,
  type HttpMethod,
  type JsonSchema,
  type Operation,
  type OperationParameter,
  type OperationRequestBody,
  type OperationResponse,
} from './catalogue';
export { exampleFromSchema } from './example-from-schema';
export { validateRequest, type RequestInput } from './validate';

export { CLOCKIFY_MAX_RPS, createClockifyClient } from './client';
export type {
  CallOptions,
  ClockifyClient,
  ClockifyClientOptions,
  ClockifyLogger,
  ClockifyResponse,
  ExecuteInput,
  PageResult,
  PaginateOptions,
  RawRequest,
} from './client-types';
export { CLOSING_GUARD_MS, createMemoryRateLimiter, type MemoryRateLimiterOptions, type RateLimiter } from './rate-limiter';
export { createBreakerRegistry, type BreakerOptions, type BreakerRegistry } from './retry';
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
  type ClockifyErrorCode,
  type ClockifyErrorKind,
} from './errors';

export {
  readPublicKey,
  signClockifyToken,
  TokenError,
  verifyClockifyToken,
  type ClockifyClaims,
  type RsaKeyInput,
  type TokenErrorReason,
  type VerifyOptions,
} from './jwt';

export { CLOCKIFY_PUBLIC_KEY_PEM } from './public-key';

export { CLOCKIFY_OPENAPI_URL, syncOpenApi, type SyncOptions, type SyncResult } from './sync';
