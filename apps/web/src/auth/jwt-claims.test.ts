import { describe, expect, it } from 'vitest';

import { decodeClaims, isExpired, looksLikeJwt, refreshDelayMs } from './jwt-claims';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: unknown) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.sig`;

describe('decodeClaims', () => {
  it('reads the payload of a JWT, including non-ASCII text', () => {
    expect(decodeClaims(jwt({ workspaceId: 'w1', user: 'u1', workspaceRole: 'OWNER', name: 'Zoë' }))).toEqual({
      workspaceId: 'w1',
      user: 'u1',
      workspaceRole: 'OWNER',
      name: 'Zoë',
    });
  });

  it('returns null for anything that is not a JWT with a JSON object payload', () => {
    expect(decodeClaims('uwk_servicekey')).toBeNull();
    expect(decodeClaims('a.b.c')).toBeNull();
    expect(decodeClaims(`x.${b64url('text')}.y`)).toBeNull();
  });
});

describe('refresh timing', () => {
  const now = 1_000_000_000_000;

  it('asks 5 minutes before expiry', () => {
    expect(refreshDelayMs({ exp: (now + 30 * 60_000) / 1000 }, now)).toBe(25 * 60_000);
  });

  it('never schedules sooner than the minimum, and not at all without exp', () => {
    expect(refreshDelayMs({ exp: (now + 60_000) / 1000 }, now)).toBe(10_000);
    expect(refreshDelayMs({}, now)).toBeNull();
  });

  it('knows an expired token', () => {
    expect(isExpired({ exp: now / 1000 - 1 }, now)).toBe(true);
    expect(isExpired({ exp: now / 1000 + 60 }, now)).toBe(false);
    expect(looksLikeJwt(jwt({}))).toBe(true);
  });
});
