import { UserError } from '../../errors';
import { CLOCKIFY_API_HOSTS, isNonPublicHost, type TClockifyHostPolicy } from './clockify-hosts';

export type TApiHosts = { apiUrl: string; reportsUrl: string };

function parseBase(what: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError('VALIDATION_FAILED', `${what} is not an absolute URL`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new UserError('VALIDATION_FAILED', `${what} must be an http(s) URL without credentials`);
  }

  return url;
}

const baseOf = (url: URL) => `${url.origin}${url.pathname}`.replace(/\/+$/, '');

/** A host claim signed by Clockify is trusted unless it names a non-public address nobody allow-listed. */
function fromClaim(policy: TClockifyHostPolicy, claim: string, raw: string): string {
  const url = parseBase(`the token's ${claim} claim`, raw);
  if (isNonPublicHost(url) && !policy.trusts(url)) {
    throw new UserError(
      'VALIDATION_FAILED',
      `the token's ${claim} claim points at a non-public address (${url.host}) that is not in UW_CLOCKIFY_API_ALLOWLIST`,
    );
  }

  return baseOf(url);
}

/**
 * The API hosts of a new installation. They come from the installation token's `backendUrl` and
 * `reportsUrl` claims (signed by Clockify); the body's `apiUrl` (not signed) is used only when the token
 * has no `backendUrl`, and only when it names Clockify's own host or an allow-listed one.
 */
export function resolveApiHosts(
  policy: TClockifyHostPolicy,
  claims: { backendUrl?: string; reportsUrl?: string },
  bodyApiUrl: string | undefined,
): TApiHosts {
  let apiUrl: string;
  if (claims.backendUrl) {
    apiUrl = fromClaim(policy, 'backendUrl', claims.backendUrl);
  } else if (bodyApiUrl) {
    const url = parseBase('apiUrl', bodyApiUrl);
    if (!policy.trusts(url)) {
      throw new UserError(
        'VALIDATION_FAILED',
        `apiUrl ${url.origin} is neither a Clockify API host (https://${CLOCKIFY_API_HOSTS.join(', https://')}) nor in UW_CLOCKIFY_API_ALLOWLIST, and the installation token carries no backendUrl claim`,
      );
    }
    apiUrl = baseOf(url);
  } else {
    throw new UserError('VALIDATION_FAILED', 'the installation token carries no backendUrl claim and the body no apiUrl');
  }
  const reportsUrl = claims.reportsUrl ? fromClaim(policy, 'reportsUrl', claims.reportsUrl) : apiUrl;

  return { apiUrl, reportsUrl };
}
