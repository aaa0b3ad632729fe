export { createHttpSender, type THttpSender, type THttpSenderOptions, type THttpSendResponse } from './send-http';
export type { THttpSendRequest } from './build-request';
export { createGuardedAgent, defaultResolver, resolveGuarded } from './guarded-agent';
export { createAllowlist, isBlockedAddress, normaliseAddress, type TAllowlist } from './ip-policy';
export { OutboundError, SsrfBlockedError, parseRetryAfter, type TOutboundErrorCode } from './outbound-errors';
export type { TOutboundLogger, TResolvedAddress, TResolver } from './types';
export { maskValues, VALUE_MASK } from './mask-values';
