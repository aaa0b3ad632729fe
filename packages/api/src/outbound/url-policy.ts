/** Which URLs an outbound request (or a redirect `Location`) may target, before any address check. */
import { OutboundError } from './outbound-errors';

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/** Parses `raw` (relative to `base` for redirects); only http/https and never embedded credentials. */
export function parseTargetUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new OutboundError('URL_INVALID', `Invalid URL${base ? ' in redirect Location' : ''}`);
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new OutboundError('URL_SCHEME_NOT_ALLOWED', `URL scheme "${url.protocol}" is not allowed (only http: and https:)`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OutboundError('URL_INVALID', `URL${base ? ' in redirect Location' : ''} must not contain credentials (user:password@)`);
  }
  url.hash = '';

  return url;
}

/** For logs and error messages: origin and path, never the query string (it may carry tokens). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
