import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

import { toSigningKey, toVerifyKey, type TRsaKeyInput } from './jwt-keys';

export { readPublicKey, type TRsaKeyInput } from './jwt-keys';

export type TTokenErrorReason =
  'expired' | 'bad_signature' | 'wrong_issuer' | 'wrong_subject' | 'wrong_type' | 'malformed' | 'alg_not_allowed';

/** A Clockify JWT that must not be trusted; `reason` says why in a stable word. */
export class TokenError extends Error {
  readonly code = 'TOKEN_INVALID';
  readonly kind = 'user';

  constructor(
    readonly reason: TTokenErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

/** Claims of Clockify add-on tokens (installation, user, webhook). Which ones appear depends on the token kind. */
export type TClockifyClaims = JWTPayload & {
  iss: 'clockify';
  sub: string;
  type: 'addon';
  workspaceId?: string;
  addonId?: string;
  /** Owner id in installation tokens, viewer id in user tokens. */
  user?: string;
  backendUrl?: string;
  reportsUrl?: string;
  locationsUrl?: string;
  screenshotsUrl?: string;
  ptoUrl?: string;
  workspaceRole?: string;
  language?: string;
  theme?: string;
};

export type TVerifyOptions = {
  publicKey: TRsaKeyInput;
  /** The manifest `key`: the token's `sub` must equal it. */
  addonKey: string;
  /** Refuse tokens without `exp` (user tokens have one; installation and webhook tokens do not). */
  requireExp?: boolean;
  /** Allowed clock skew for exp/nbf, in seconds. Default 30. */
  clockToleranceSec?: number;
};

const STRING_CLAIMS = ['workspaceId', 'addonId', 'user', 'backendUrl', 'reportsUrl', 'workspaceRole'] as const;

function toTokenError(err: unknown): TokenError {
  if (err instanceof TokenError) return err;
  const message = (err as Error)?.message ?? String(err);
  if (err instanceof joseErrors.JWTExpired) return new TokenError('expired', `token expired (${message})`);
  if (err instanceof joseErrors.JOSEAlgNotAllowed)
    return new TokenError('alg_not_allowed', `token algorithm not allowed; only RS256 is (${message})`);
  if (err instanceof joseErrors.JWSSignatureVerificationFailed)
    return new TokenError('bad_signature', "token signature does not match Clockify's key");
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return new TokenError('wrong_issuer', `token issuer is not "clockify" (${message})`);
    if (err.claim === 'sub') return new TokenError('wrong_subject', `token subject is not this add-on's key (${message})`);
    if (err.claim === 'exp') return new TokenError('malformed', `token has no exp claim (${message})`);
  }
  if (err instanceof joseErrors.JOSEError) return new TokenError('malformed', `token is malformed (${message})`);
  // jose throws TypeError when the key cannot check this token at all (e.g. an HMAC token against an RSA key).
  return new TokenError('bad_signature', `token cannot be verified with Clockify's key (${message})`);
}

/**
 * Verifies a token signed by Clockify: RS256 only (no `none`, no HMAC with the public key), issuer
 * `clockify`, subject = the add-on key, `type` = `addon`, and expiry when present (or required).
 */
export async function verifyClockifyToken(token: string, opts: TVerifyOptions): Promise<TClockifyClaims> {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new TokenError('malformed', 'token is not a compact JWS (three dot-separated parts)');
  }
  const key = toVerifyKey(opts.publicKey);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer: 'clockify',
      subject: opts.addonKey,
      clockTolerance: opts.clockToleranceSec ?? 30,
      ...(opts.requireExp ? { requiredClaims: ['exp'] } : {}),
    }));
  } catch (err) {
    throw toTokenError(err);
  }
  if (payload.type !== 'addon') {
    throw new TokenError('wrong_type', `token type is ${JSON.stringify(payload.type ?? null)}, expected "addon"`);
  }
  for (const claim of STRING_CLAIMS) {
    if (payload[claim] !== undefined && typeof payload[claim] !== 'string') {
      throw new TokenError('malformed', `token claim ${claim} is not a string`);
    }
  }

  return payload as TClockifyClaims;
}

/** Signs claims as Clockify would (RS256). For tests and the simulator; production tokens come from Clockify. */
export async function signClockifyToken(claims: Record<string, unknown>, privateKey: TRsaKeyInput): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(toSigningKey(privateKey));
}
