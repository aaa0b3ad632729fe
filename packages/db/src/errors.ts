/**
 * Errors that mean "the database cannot serve us right now" (down, restarting, unreachable, overloaded,
 * or a query that ran past its timeout), as opposed to a bad query or a constraint. Callers answer these
 * with 503 + Retry-After: the sender should come back, not give up.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutdown/cannot connect now (57P0…), statement timeout, too many connections. */
const PG_STATES = /^(08...|57P0[1-4]|57014|53300|53400)$/;
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL']);
const MESSAGES =
  /Connection terminated|Query read timeout|Timeout acquiring a connection|connection timeout|Client has encountered a connection error|Connection ended unexpectedly|database unavailable/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_STATES.test(code) || SQLITE_CODES.has(code))) return true;
    if (name === 'KnexTimeoutError' || name === 'ConnectionException') return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }

  return false;
}
