import { isIPv4, isIPv6 } from 'node:net';

/**
 * True when a socket's peer address is this machine: 127.0.0.0/8, ::1, or either written as IPv4-mapped IPv6
 * (`::ffff:127.0.0.2`). Anything else, including a missing address, is not loopback.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const lower = address.toLowerCase();
  const v4 = lower.startsWith('::ffff:') && isIPv4(lower.slice(7)) ? lower.slice(7) : lower;
  if (isIPv4(v4)) return v4.split('.')[0] === '127';
  if (!isIPv6(lower)) return false;
  const groups = expandIPv6(lower);

  return groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
}

/** The eight 16-bit groups of an IPv6 address (no embedded IPv4, which `isLoopbackAddress` unwraps first). */
function expandIPv6(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const gap = 8 - left.length - right.length;

  return [...left, ...Array.from({ length: Math.max(0, gap) }, () => 0), ...right];
}
