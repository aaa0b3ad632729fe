import { describe, expect, it } from 'vitest';

import { clockifyCurl, curlCommand, shellQuote } from './curl-command';

describe('curl commands', () => {
  it('quotes for the shell', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it('leaves the Clockify token to the environment and sends a body as JSON', () => {
    expect(clockifyCurl({ method: 'post', url: 'https://api.example/v1/x?a=1', body: { name: "it's" } })).toBe(
      [
        `curl -X POST 'https://api.example/v1/x?a=1'`,
        `  -H "X-Addon-Token: $CLOCKIFY_ADDON_TOKEN"`,
        `  -H 'Accept: application/json'`,
        `  -H 'Content-Type: application/json'`,
        `  --data '{"name":"it'\\''s"}'`,
      ].join(' \\\n'),
    );
  });

  it('single-quotes header values that are not a plain environment reference, and sends no body for null', () => {
    const text = curlCommand({ method: 'GET', url: 'https://h/x', headers: { 'X-Note': "$(rm -rf /) it's" }, body: null });
    expect(text).toBe(`curl -X GET 'https://h/x' \\\n  -H 'X-Note: $(rm -rf /) it'\\''s'`);
  });
});
