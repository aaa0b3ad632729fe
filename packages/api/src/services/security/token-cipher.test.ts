import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createTokenCipher, parseKeys } from './token-cipher';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('token cipher (T6–T8)', () => {
  it('round-trips and never contains the plaintext', () => {
    const c = createTokenCipher([k1]);
    const secret = 'addon-token-canary-123';
    const enc = c.encrypt(secret, 'ws-a');
    expect(enc).not.toContain(secret);
    expect(enc.startsWith(`v1.${c.primaryKeyId}.`)).toBe(true);
    expect(c.decrypt(enc, 'ws-a')).toBe(secret);
  });

  it('refuses a ciphertext copied to another workspace (AAD)', () => {
    const c = createTokenCipher([k1]);
    expect(() => c.decrypt(c.encrypt('t', 'ws-a'), 'ws-b')).toThrow(/authentication failed/);
  });

  it('refuses a truncated tag and a flipped bit', () => {
    const c = createTokenCipher([k1]);
    const parts = c.encrypt('token', 'ws').split('.');
    const tag = Buffer.from(parts[4]!, 'base64url');
    const truncated = [...parts.slice(0, 4), tag.subarray(0, 4).toString('base64url')].join('.');
    expect(() => c.decrypt(truncated, 'ws')).toThrow(/wrong length/);
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    const flipped = [...parts.slice(0, 3), ct.toString('base64url'), parts[4]].join('.');
    expect(() => c.decrypt(flipped, 'ws')).toThrow(/authentication failed/);
  });

  it('rotates: old rows still decrypt with the old key kept, new rows use the new key', () => {
    const old = createTokenCipher([k1]).encrypt('old', 'ws');
    const rotated = createTokenCipher([k2, k1]);
    expect(rotated.decrypt(old, 'ws')).toBe('old');
    expect(rotated.encrypt('new', 'ws').split('.')[1]).toBe(rotated.primaryKeyId);
    expect(() => createTokenCipher([k2]).decrypt(old, 'ws')).toThrow(/is not configured/);
  });

  it('parses hex and base64 keys and rejects a short one', () => {
    expect(parseKeys(`${k1.toString('hex')}, ${k2.toString('base64')}`)).toHaveLength(2);
    expect(() => parseKeys('abcd')).toThrow(/32 bytes/);
  });
});
