import { randomBytes } from 'node:crypto';

import type { TSourceVerification } from '@uw/db';

/** A new secret in the form its scheme expects (Standard Webhooks: `whsec_` + base64). */
export function generateSecret(kind: TSourceVerification['kind']): string {
  if (kind === 'standard') {
    return `whsec_${randomBytes(24).toString('base64')}`;
  }

  return randomBytes(32).toString('hex');
}

export const generatePublicId = () => `src_${randomBytes(18).toString('base64url')}`;
