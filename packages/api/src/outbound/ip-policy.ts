/**
 * Which addresses an outbound request may dial (RELIABILITY §2): only ipaddr.js 'unicast' ranges, after
 * unmapping IPv4-mapped IPv6, minus cloud metadata addresses; plus an explicit admin allow-list.
 */
import ipaddr from 'ipaddr.js';

import { splitPort, type TPorts } from './allowlist-port';

type TAddress = ipaddr.IPv4 | ipaddr.IPv6;
type TCidr = [TAddress, number];

/** Cloud metadata endpoints (AWS/GCP/Azure, AWS ECS task metadata, AWS IPv6, Alibaba). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

/** Ranges ipaddr.js labels 'unicast' that must still never be dialled. */
const EXTRA_BLOCKED: TCidr[] = [
  ipaddr.parseCIDR('::/96'), // IPv4-compatible IPv6 (deprecated), e.g. ::7f00:1
  ipaddr.parseCIDR('100.64.0.0/10'), // carrier-grade NAT, explicit in case ipaddr.js ranges change
];

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Lower-case, no IPv6 brackets, no trailing dot: the form allow-list names are compared in. */
export function normaliseHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.+$/, '');
}

/** Parses any IP literal ipaddr.js accepts (127.1, 0x7f000001, 0177.0.0.1…), IPv4-mapped IPv6 unmapped. */
export function parseAddress(ip: string): TAddress | null {
  const bare = stripBrackets(ip.trim());
  if (!ipaddr.isValid(bare)) {
    return null;
  }
  const addr = ipaddr.parse(bare);
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) {
    return addr.toIPv4Address();
  }

  return addr;
}

/** The canonical text of an IP literal (e.g. `0x7f000001` → `127.0.0.1`), or null when not an IP. */
export function normaliseAddress(ip: string): string | null {
  return parseAddress(ip)?.toString() ?? null;
}

function inCidr(addr: TAddress, [base, bits]: TCidr): boolean {
  return addr.kind() === base.kind() && addr.match(base, bits);
}

/** True for every address that is not plain public unicast. Unparseable input is blocked (fail closed). */
export function isBlockedAddress(ip: string): boolean {
  const addr = parseAddress(ip);
  if (!addr) {
    return true;
  }
  if (METADATA_ADDRESSES.has(addr.toString()) || addr.range() !== 'unicast') {
    return true;
  }

  return EXTRA_BLOCKED.some((cidr) => inCidr(addr, cidr));
}

export type TAllowlist = {
  /**
   * True when an entry matches the host name or the address to dial, and admits `port`. Without a port only
   * the host is compared (for checks made before a connection exists); the dial-time check always has one.
   */
  allows(host: string, ip?: string, port?: number): boolean;
  readonly size: number;
};

type TEntry = { ports: TPorts; matches(name: string, addr: TAddress | null): boolean };

function parseCidrEntry(entry: string): TCidr {
  const [base, bits] = ipaddr.parseCIDR(entry.replace(/^\[([^\]]+)\]/, '$1'));
  if (base instanceof ipaddr.IPv6 && base.isIPv4MappedAddress() && bits >= 96) {
    return [base.toIPv4Address(), bits - 96];
  }

  return [base, bits];
}

function hostMatcher(raw: string, host: string): TEntry['matches'] {
  const addr = parseAddress(host);
  if (addr) {
    return (_name, target) => target !== null && inCidr(target, [addr, addr.kind() === 'ipv4' ? 32 : 128]);
  }
  if (host.includes('/')) {
    let cidr: TCidr;
    try {
      cidr = parseCidrEntry(host);
    } catch {
      throw new Error(`Invalid HTTP allow-list entry "${raw}": not a CIDR`);
    }

    return (_name, target) => target !== null && inCidr(target, cidr);
  }
  if (/^\*\.[a-z0-9.-]+$/i.test(host)) {
    const suffix = normaliseHost(host.slice(1));

    return (name) => name.endsWith(suffix);
  }
  if (/^[a-z0-9_.-]+$/i.test(host)) {
    const exact = normaliseHost(host);

    return (name) => name === exact;
  }
  throw new Error(`Invalid HTTP allow-list entry "${raw}": expected a host, *.suffix, IP or CIDR, optionally with :port or :*`);
}

/**
 * Entries are host names (`api.internal`, exact), wildcard suffixes (`*.corp.example`, sub-domains only),
 * IP addresses or CIDRs, each optionally with `:port` (`[v6]:port` for IPv6) or `:*` for every port. An
 * entry without a port admits the default ports 80 and 443 only. Invalid entries throw, so a typo in config
 * fails at start-up, not silently.
 */
export function createAllowlist(entries: readonly string[]): TAllowlist {
  const list: TEntry[] = entries
    .map((e) => e.trim())
    .filter(Boolean)
    .map((raw) => {
      const { host, ports } = splitPort(raw);

      return { ports, matches: hostMatcher(raw, host) };
    });

  return {
    size: list.length,
    allows(host, ip, port) {
      const name = normaliseHost(host);
      const addr = parseAddress(ip ?? name);

      return list.some((e) => e.matches(name, addr) && (port === undefined || e.ports === 'any' || e.ports.has(port)));
    },
  };
}
