import { describe, expect, it } from 'vitest';

import { isSecretKey, REDACTED, scrubSecrets } from './scrub-secrets';

describe('scrubSecrets', () => {
  it('masks the token anywhere and secret-named fields', () => {
    const out = scrubSecrets({ a: ['x TOKEN y'], nested: { authToken: 'jwt', keep: 1 } }, 'TOKEN');
    expect(out).toEqual({ a: ['x [REDACTED] y'], nested: { authToken: REDACTED, keep: 1 } });
  });

  it('recognises token-like names whatever their case and separators', () => {
    const secret = ['authToken', 'AUTHTOKEN', 'token', 'apiKey', 'x-api-key', 'X-Addon-Token', 'password', 'secret', 'accessToken'];
    const more = ['refresh_token', 'clientSecret', 'private-key', 'Authorization', 'Cookie', 'set-cookie', 'webhookSecrets'];
    for (const name of [...secret, ...more]) expect(isSecretKey(name), name).toBe(true);
    for (const name of ['name', 'tokenType', 'keyId', 'secretary', 'tokens_used', 'status', 'id', 'url']) {
      expect(isSecretKey(name), name).toBe(false);
    }
  });

  it('masks nested values of every kind but leaves booleans and nulls, and never changes the input', () => {
    const input = {
      items: [{ webhook: { authToken: 'eyJ.x.y', id: 'w1' } }],
      credentials: { user: 'a', pass: 'b' },
      apiKey: 12345,
      hasPassword: true,
      password: null,
      clientSecret: false,
    };
    const copy = structuredClone(input);
    expect(scrubSecrets(input)).toEqual({
      items: [{ webhook: { authToken: REDACTED, id: 'w1' } }],
      credentials: REDACTED,
      apiKey: REDACTED,
      hasPassword: true,
      password: null,
      clientSecret: false,
    });
    expect(input).toEqual(copy);
  });
});
