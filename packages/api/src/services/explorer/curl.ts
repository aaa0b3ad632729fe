/** The placeholder every curl command carries instead of the installation token. */
export const TOKEN_PLACEHOLDER = '$CLOCKIFY_ADDON_TOKEN';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The call as a copy-pasteable curl command. The token header is in double quotes so the shell expands
 * `$CLOCKIFY_ADDON_TOKEN`; everything else is single-quoted.
 */
export function curlFor(call: { method: string; url: string; body?: unknown }): string {
  const lines = [
    `curl -X ${call.method} ${shellQuote(call.url)}`,
    `-H "X-Addon-Token: ${TOKEN_PLACEHOLDER}"`,
    `-H 'Accept: application/json'`,
  ];
  if (call.body !== undefined && call.body !== null) {
    lines.push(`-H 'Content-Type: application/json'`, `--data ${shellQuote(JSON.stringify(call.body))}`);
  }

  return lines.join(' \\\n  ');
}
