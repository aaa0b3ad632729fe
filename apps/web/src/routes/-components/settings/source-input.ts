import type { TRouterInputs } from '../../../trpc/types';

export type TSourceCreateInput = TRouterInputs['sources']['create'];
export type TVerificationKind = TSourceCreateInput['verification']['kind'];

export const VERIFICATIONS: { kind: TVerificationKind; label: string; help: string }[] = [
  { kind: 'hmac', label: 'HMAC signature', help: 'The sender signs the body with the secret and puts the signature in a header you name.' },
  { kind: 'bearer', label: 'Bearer token', help: 'The sender sends Authorization: Bearer <secret>.' },
  { kind: 'github', label: 'GitHub', help: 'X-Hub-Signature-256 (GitHub webhooks).' },
  { kind: 'stripe', label: 'Stripe', help: "Stripe-Signature with a timestamp tolerance. Paste Stripe's whsec_… secret." },
  { kind: 'standard', label: 'Standard Webhooks', help: 'webhook-id / webhook-timestamp / webhook-signature (Svix and others).' },
  { kind: 'none', label: 'None (unsigned)', help: 'Anyone who knows the URL can post. Use only for tests.' },
];

export type TSourceForm = {
  name: string;
  kind: TVerificationKind;
  header: string;
  encoding: 'hex' | 'base64';
  prefix: string;
  toleranceSeconds: string;
  secret: string;
  idHeader: string;
  eventTypeHeader: string;
  ratePerMinute: string;
};

export const EMPTY_SOURCE_FORM: TSourceForm = {
  name: '',
  kind: 'hmac',
  header: 'X-Signature',
  encoding: 'hex',
  prefix: '',
  toleranceSeconds: '300',
  secret: '',
  idHeader: '',
  eventTypeHeader: '',
  ratePerMinute: '600',
};

function verificationOf(f: TSourceForm): TSourceCreateInput['verification'] {
  switch (f.kind) {
    case 'hmac':
      return { kind: 'hmac', header: f.header.trim(), encoding: f.encoding, ...(f.prefix ? { prefix: f.prefix } : {}) };
    case 'stripe':
      return { kind: 'stripe', toleranceSeconds: Number(f.toleranceSeconds) || 300 };
    case 'none':
    case 'bearer':
    case 'github':
    case 'standard':
      return { kind: f.kind };
  }
}

/** The sources.create input for the form (empty optional fields left out; the server validates the rest). */
export function toSourceInput(f: TSourceForm): TSourceCreateInput {
  return {
    name: f.name.trim(),
    verification: verificationOf(f),
    ...(f.secret && f.kind !== 'none' ? { secret: f.secret } : {}),
    idHeader: f.idHeader.trim() || null,
    eventTypeHeader: f.eventTypeHeader.trim() || null,
    ratePerMinute: Number(f.ratePerMinute) || 600,
    enabled: true,
  };
}
