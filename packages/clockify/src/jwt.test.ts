import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { base64url, importSPKI, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { CLOCKIFY_FIXTURES } from '../test/support/fixtures';
import { readPublicKey, signClockifyToken, TokenError, verifyClockifyToken, type TTokenErrorReason } from './jwt';

const ADDON_KEY = 'universal-webhook';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const clockify = rsa();
const stranger = rsa();
const publicPem = clockify.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = clockify.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const now = () => Math.floor(Date.now() / 1000);

const claims = (over: Record<string, unknown> = {}) => ({
  iss: 'clockify',
  sub: ADDON_KEY,
  type: 'addon',
  workspaceId: 'ws1',
  addonId: 'addon1',
  user: 'owner1',
  backendUrl: 'https://api.clockify.me/api',
  reportsUrl: 'https://reports.api.clockify.me',
  ...over,
});

async function reasonOf(token: string, opts: { requireExp?: boolean } = {}): Promise<TTokenErrorReason | string> {
  try {
    await verifyClockifyToken(token, { publicKey: publicPem, addonKey: ADDON_KEY, ...opts });

    return 'accepted';
  } catch (err) {
    return err instanceof TokenError ? err.reason : `other: ${(err as Error).message}`;
  }
}

describe('verifyClockifyToken', () => {
  it('accepts a valid installation token (no exp) and returns typed claims', async () => {
    const token = await signClockifyToken(claims(), privatePem);
    const verified = await verifyClockifyToken(token, { publicKey: publicPem, addonKey: ADDON_KEY });
    expect(verified).toMatchObject({
      workspaceId: 'ws1',
      addonId: 'addon1',
      user: 'owner1',
      backendUrl: 'https://api.clockify.me/api',
      type: 'addon',
    });
  });

  it('accepts the key as PEM, KeyObject or CryptoKey', async () => {
    const token = await signClockifyToken(claims({ exp: now() + 600 }), clockify.privateKey);
    for (const publicKey of [publicPem, clockify.publicKey, await importSPKI(publicPem, 'RS256')]) {
      await expect(verifyClockifyToken(token, { publicKey, addonKey: ADDON_KEY, requireExp: true })).resolves.toMatchObject({
        sub: ADDON_KEY,
      });
    }
  });

  it('refuses an expired token, and one without exp when exp is required', async () => {
    expect(await reasonOf(await signClockifyToken(claims({ exp: now() - 120 }), privatePem))).toBe('expired');
    expect(await reasonOf(await signClockifyToken(claims(), privatePem), { requireExp: true })).toBe('malformed');
  });

  it('refuses a token signed with another key', async () => {
    expect(await reasonOf(await signClockifyToken(claims(), stranger.privateKey))).toBe('bad_signature');
  });

  it('refuses alg none and HS256 signed with the public key as secret', async () => {
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(claims()))}.`;
    expect(await reasonOf(none)).toBe('alg_not_allowed');
    const hs = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(publicPem));
    expect(await reasonOf(hs)).toBe('alg_not_allowed');
  });

  it('refuses the wrong issuer, subject or type', async () => {
    expect(await reasonOf(await signClockifyToken(claims({ iss: 'someone' }), privatePem))).toBe('wrong_issuer');
    expect(await reasonOf(await signClockifyToken(claims({ sub: 'another-addon' }), privatePem))).toBe('wrong_subject');
    expect(await reasonOf(await signClockifyToken(claims({ type: 'user' }), privatePem))).toBe('wrong_type');
    expect(await reasonOf(await signClockifyToken(claims({ type: undefined }), privatePem))).toBe('wrong_type');
  });

  it('refuses malformed tokens and claims of the wrong type', async () => {
    expect(await reasonOf('not-a-token')).toBe('malformed');
    expect(await reasonOf('a.b.c')).toBe('malformed');
    expect(await reasonOf(await signClockifyToken(claims({ workspaceId: 42 }), privatePem))).toBe('malformed');
  });
});

describe('readPublicKey', () => {
  it('reads PEM text, escaped one-line PEM and a file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-key-'));
    writeFileSync(join(dir, 'key.pem'), publicPem);
    const token = await signClockifyToken(claims(), privatePem);
    for (const input of [publicPem, publicPem.replace(/\n/g, '\\n'), join(dir, 'key.pem')]) {
      const key = readPublicKey(input);
      expect(key.asymmetricKeyType).toBe('rsa');
      await expect(verifyClockifyToken(token, { publicKey: key, addonKey: ADDON_KEY })).resolves.toBeDefined();
    }
  });

  it("reads Clockify's published key, which does not verify our test tokens", async () => {
    const key = readPublicKey(CLOCKIFY_FIXTURES.publicKeyPem);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const token = await signClockifyToken(claims(), privatePem);
    await expect(verifyClockifyToken(token, { publicKey: key, addonKey: ADDON_KEY })).rejects.toMatchObject({ reason: 'bad_signature' });
  });

  it('explains a missing file and a key that is not RSA', () => {
    expect(() => readPublicKey('/nonexistent/clockify.pem')).toThrow(/cannot read.*ENOENT/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => readPublicKey(ec)).toThrow(/ec key.*RSA/);
    expect(() => readPublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(/not a readable PEM/);
  });
});
