/** The environment variable every Clockify curl command reads the add-on token from (never the token itself). */
export const CLOCKIFY_TOKEN_PLACEHOLDER = '$CLOCKIFY_ADDON_TOKEN';

/** Quotes for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A header value the shell should expand (`$NAME`) is double-quoted; everything else is single-quoted. */
const ENV_REFERENCE = /^\$[A-Z_][A-Z0-9_]*$/;

export type TCurlRequest = { method: string; url: string; headers?: Record<string, string>; body?: unknown };

/**
 * A request as a copy-pasteable curl command, one option a line. A JSON body goes with
 * `Content-Type: application/json`. Browser-safe: the explorer (server and web app) builds its snippets here.
 */
export function curlCommand(req: TCurlRequest): string {
  const lines = [`curl -X ${req.method.toUpperCase()} ${shellQuote(req.url)}`];
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    lines.push(ENV_REFERENCE.test(value) ? `-H "${name}: ${value}"` : `-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (req.body !== undefined && req.body !== null) {
    lines.push(`-H 'Content-Type: application/json'`, `--data ${shellQuote(JSON.stringify(req.body))}`);
  }

  return lines.join(' \\\n  ');
}

/** A Clockify API call as curl: the token header reads `$CLOCKIFY_ADDON_TOKEN`, so the snippet can be shared. */
export function clockifyCurl(call: { method: string; url: string; body?: unknown }): string {
  return curlCommand({
    ...call,
    headers: { 'X-Addon-Token': CLOCKIFY_TOKEN_PLACEHOLDER, Accept: 'application/json' },
  });
}
