/** pino-compatible logger, structurally the same as the api package's `TLogger`. */
export type TOutboundLogger = {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
};

export type TResolvedAddress = { address: string; family: number };

/**
 * Resolves a host name to every address it has (A and AAAA), like `dns.lookup(name, { all: true })`.
 * Injectable so tests can answer private or rebinding addresses without any real DNS or traffic.
 */
export type TResolver = (hostname: string) => Promise<TResolvedAddress[]>;

export const NOOP_LOGGER: TOutboundLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
