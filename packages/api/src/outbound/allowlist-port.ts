/** The ports an allow-list entry admits: a set, or every port (`:*`). */
export type TPorts = ReadonlySet<number> | 'any';

/** Without a port an entry admits the web's default ports only: naming a host is not naming its every service. */
export const DEFAULT_PORTS: TPorts = new Set([80, 443]);

/**
 * Splits `host:port`, `host:*`, `[v6]:port` and `cidr:port` into the host part and its ports. A bare IPv6
 * address (several colons, no brackets) has no port; `[v6]` alone loses its brackets later, in the host check.
 */
export function splitPort(entry: string): { host: string; ports: TPorts } {
  const match = /^(.*):(\d{1,5}|\*)$/.exec(entry);
  const head = match?.[1] ?? '';
  if (!match || head === '' || (head.includes(':') && !head.startsWith('['))) {
    return { host: entry, ports: DEFAULT_PORTS };
  }
  if (match[2] === '*') return { host: head, ports: 'any' };
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) throw new Error(`Invalid HTTP allow-list entry "${entry}": port ${port} is out of range`);

  return { host: head, ports: new Set([port]) };
}
