/**
 * Which hosts the Clockify client may call without the SSRF guard: Clockify's own API hosts over https
 * (PLATFORM §5.1: global, the four regional prefixes, the developer environment) and the entries of
 * `UW_CLOCKIFY_API_ALLOWLIST` (a simulator or a test double; the same entry syntax as UW_HTTP_ALLOWLIST:
 * `host` admits ports 80 and 443, `host:port` that port, `host:*` every port). Anything else is dialled
 * through the guarded agent, which refuses private, loopback and metadata addresses.
 */
import { createAllowlist, isBlockedAddress, normaliseAddress } from '../../outbound';

export const CLOCKIFY_API_HOSTS: readonly string[] = [
  'api.clockify.me',
  'reports.api.clockify.me',
  'euc1.clockify.me',
  'use2.clockify.me',
  'euw2.clockify.me',
  'apse2.clockify.me',
  'developer.clockify.me',
];

const canonicalHost = (host: string) => {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '');

  return normaliseAddress(bare) ?? bare;
};

const portOf = (url: URL) => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

export type TClockifyHostPolicy = {
  /** Clockify's own host over https, or an allow-listed host and port: called directly. */
  trusts(url: URL): boolean;
};

/** Throws a message naming UW_CLOCKIFY_API_ALLOWLIST when an entry is not valid. */
export function createClockifyHostPolicy(allowlist: readonly string[]): TClockifyHostPolicy {
  let entries: ReturnType<typeof createAllowlist>;
  try {
    entries = createAllowlist(allowlist);
  } catch (err) {
    throw new Error(`UW_CLOCKIFY_API_ALLOWLIST: ${(err as Error).message.replace('HTTP allow-list', 'allow-list')}`);
  }
  const clockify = new Set(CLOCKIFY_API_HOSTS);

  return {
    trusts(url) {
      const host = canonicalHost(url.hostname);
      if (url.protocol === 'https:' && clockify.has(host)) return true;

      return entries.allows(host, undefined, portOf(url));
    },
  };
}

/** `localhost` (RFC 6761) or an IP literal that is loopback, private, link-local, metadata…: never a Clockify host. */
export function isNonPublicHost(url: URL): boolean {
  const host = canonicalHost(url.hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;

  return normaliseAddress(host) !== null && isBlockedAddress(host);
}
