import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { Webhook, WebhookVerificationError } from 'standardwebhooks';

import type { TSourceVerification } from '@uw/db';

export type TVerifyInput = { rawBody: Buffer; headers: (name: string) => string | undefined; now?: number };
export type TVerifyResult = { ok: true } | { ok: false; reason: string };

const ok: TVerifyResult = { ok: true };
const fail = (reason: string): TVerifyResult => ({ ok: false, reason });

/** Constant-time equality over bytes of any length: compare digests, never the raw values. */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();

  return timingSafeEqual(da, db) && Buffer.byteLength(a) === Buffer.byteLength(b);
}

const hmac = (secret: string, data: Buffer | string) => createHmac('sha256', secret).update(data).digest();

/** Checks a request against one source's scheme with any of its live secrets (rotation keeps two). */
export function verifySignature(scheme: TSourceVerification, secrets: string[], input: TVerifyInput): TVerifyResult {
  switch (scheme.kind) {
    case 'none':
      return ok;
    case 'bearer': {
      const m = /^Bearer\s+(.+)$/i.exec(input.headers('authorization') ?? '');
      if (!m) return fail('missing Authorization: Bearer header');

      return secrets.some((s) => safeEqual(m[1]!.trim(), s)) ? ok : fail('bearer token does not match');
    }
    case 'hmac':
      return verifyHmac(scheme, secrets, input);
    case 'github': {
      const sig = input.headers('x-hub-signature-256');
      if (!sig?.startsWith('sha256=')) return fail('missing X-Hub-Signature-256 header');

      return secrets.some((s) => safeEqual(sig.slice(7).toLowerCase(), hmac(s, input.rawBody).toString('hex')))
        ? ok
        : fail('signature does not match');
    }
    case 'stripe':
      return verifyStripe(scheme.toleranceSeconds, secrets, input);
    case 'standard':
      return verifyStandard(secrets, input);
  }
}

function verifyHmac(scheme: Extract<TSourceVerification, { kind: 'hmac' }>, secrets: string[], input: TVerifyInput): TVerifyResult {
  let sig = input.headers(scheme.header)?.trim();
  if (!sig) return fail(`missing ${scheme.header} header`);
  if (scheme.prefix) {
    if (!sig.startsWith(scheme.prefix)) return fail(`signature must start with ${scheme.prefix}`);
    sig = sig.slice(scheme.prefix.length);
  }
  const given = scheme.encoding === 'hex' ? sig.toLowerCase() : sig;

  return secrets.some((s) => safeEqual(given, hmac(s, input.rawBody).toString(scheme.encoding))) ? ok : fail('signature does not match');
}

function verifyStripe(toleranceSeconds: number, secrets: string[], input: TVerifyInput): TVerifyResult {
  const header = input.headers('stripe-signature');
  if (!header) return fail('missing Stripe-Signature header');
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const v1 = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!t || !/^\d+$/.test(t) || v1.length === 0) return fail('Stripe-Signature needs t= and v1=');
  const age = Math.abs((input.now ?? Date.now()) / 1000 - Number(t));
  if (age > toleranceSeconds) return fail('timestamp outside the tolerance');
  const signed = Buffer.concat([Buffer.from(`${t}.`), input.rawBody]);
  const expected = secrets.map((s) => hmac(s, signed).toString('hex'));

  return v1.some((v) => expected.some((e) => safeEqual(v, e))) ? ok : fail('signature does not match');
}

function verifyStandard(secrets: string[], input: TVerifyInput): TVerifyResult {
  const headers = {
    'webhook-id': input.headers('webhook-id') ?? '',
    'webhook-timestamp': input.headers('webhook-timestamp') ?? '',
    'webhook-signature': input.headers('webhook-signature') ?? '',
  };
  const missing = Object.entries(headers)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0) return fail(`missing ${missing.join(', ')}`);
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(headers['webhook-id'])) return fail('webhook-id has invalid characters');
  let lastReason = 'signature does not match';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(input.rawBody.toString('utf8'), headers);

      return ok;
    } catch (err) {
      lastReason = err instanceof WebhookVerificationError ? err.message : 'signature does not match';
    }
  }

  return fail(lastReason);
}
