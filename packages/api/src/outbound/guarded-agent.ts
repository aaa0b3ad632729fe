/**
 * An undici Agent whose every connection is checked at dial time (RELIABILITY §2): IP-literal hosts are
 * normalised and checked without DNS; names are resolved once (all answers), rejected if ANY answer is
 * blocked, and the checked address itself is dialled, so nothing re-resolves between check and connect.
 */
import { lookup } from 'node:dns/promises';

import { Agent, buildConnector } from 'undici';

import { isBlockedAddress, normaliseAddress, normaliseHost, type TAllowlist } from './ip-policy';
import { OutboundError, SsrfBlockedError } from './outbound-errors';
import { NOOP_LOGGER, type TOutboundLogger, type TResolvedAddress, type TResolver } from './types';

export const defaultResolver: TResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** RFC 6761: `localhost` and `*.localhost` are loopback whatever DNS says; never ask a resolver. */
const LOCALHOST_ANSWERS: TResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

export type TGuardOptions = {
  allowlist: TAllowlist;
  resolver?: TResolver;
  logger?: TOutboundLogger;
};

function check(host: string, address: string, options: TGuardOptions & { port?: number }): void {
  if (isBlockedAddress(address) && !options.allowlist.allows(host, address, options.port)) {
    (options.logger ?? NOOP_LOGGER).warn({ host, address, port: options.port }, 'outbound connection blocked by SSRF guard');
    throw new SsrfBlockedError(host, address);
  }
}

async function answersFor(name: string, options: TGuardOptions): Promise<TResolvedAddress[]> {
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return LOCALHOST_ANSWERS;
  }
  try {
    return await (options.resolver ?? defaultResolver)(name);
  } catch (err) {
    throw new OutboundError('HTTP_NETWORK', `Could not resolve host "${name}"`, {
      retryable: true,
      cause: err,
    });
  }
}

/**
 * The single address to dial for `host`, or a thrown `SsrfBlockedError`. Exported for tests and for
 * callers that want to validate a URL before queueing it (the dial-time check still runs). With `port`,
 * an allow-listed private address is admitted only on the ports its entry names.
 */
export async function resolveGuarded(host: string, options: TGuardOptions, port?: number): Promise<string> {
  const name = normaliseHost(host);
  const literal = normaliseAddress(name);
  const checking = { ...options, port };
  if (literal !== null) {
    check(name, literal, checking);

    return literal;
  }
  const checked: string[] = [];
  for (const answer of await answersFor(name, options)) {
    const address = normaliseAddress(answer.address);
    if (address === null) {
      throw new OutboundError('HTTP_NETWORK', `Resolver gave a non-IP answer for "${name}"`);
    }
    check(name, address, checking);
    checked.push(address);
  }
  const [first] = checked;
  if (first === undefined) {
    throw new OutboundError('HTTP_NETWORK', `Host "${name}" has no address`, { retryable: true });
  }

  return first;
}

export type TGuardedAgentOptions = TGuardOptions & {
  connectTimeoutMs?: number;
  /** Applied by undici per request as well; the sender's total timeout is the real bound. */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
};

/** A dispatcher that can only reach addresses the guard accepts. Never reads proxy settings. */
export function createGuardedAgent(options: TGuardedAgentOptions): Agent {
  // The connector is only ever handed an IP, so net.connect never performs a lookup of its own.
  const dial = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });
  const connect: buildConnector.connector = (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    resolveGuarded(opts.hostname, options, port).then(
      (address) => {
        const name = normaliseHost(opts.hostname);
        const servername = opts.servername ?? (normaliseAddress(name) === null ? name : undefined);
        dial({ ...opts, hostname: address, servername }, callback);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  };

  return new Agent({
    connect,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
}
