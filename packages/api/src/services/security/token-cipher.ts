import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { UserError } from '../../errors';

/**
 * AES-256-GCM for secrets at rest (installation tokens, webhook tokens, source secrets).
 * Format `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url); the AAD binds a ciphertext to its workspace,
 * so a row copied to another workspace does not decrypt. Several keys allow rotation: the first encrypts,
 * all decrypt.
 */
export type TTokenCipher = {
  encrypt(plain: string, aad: string): string;
  decrypt(cipher: string, aad: string): string;
  primaryKeyId: string;
};

export class TokenUnreadableError extends UserError {
  constructor(reason: string) {
    super('INTERNAL', `stored secret unreadable: ${reason}`);
  }
}

export function parseKeys(spec: string): Buffer[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const key = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
      if (key.length !== 32) {
        throw new Error('UW_ENCRYPTION_KEY: each key must be 32 bytes, as 64 hex characters or base64');
      }

      return key;
    });
}

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createTokenCipher(keys: Buffer[]): TTokenCipher {
  if (keys.length === 0) {
    throw new Error('at least one encryption key is required');
  }
  const byId = new Map(keys.map((k) => [keyIdOf(k), k]));
  const primary = keys[0]!;
  const primaryKeyId = keyIdOf(primary);

  return {
    primaryKeyId,
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', primary, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(aad));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);

      return ['v1', primaryKeyId, iv, ct, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(value, aad) {
      const [version, keyId, iv, ct, tag] = value.split('.');
      if (version !== 'v1' || !keyId || !iv || ct === undefined || !tag) {
        throw new TokenUnreadableError('unknown format');
      }
      const key = byId.get(keyId);
      if (!key) {
        throw new TokenUnreadableError(`key ${keyId} is not configured`);
      }
      const tagBytes = Buffer.from(tag, 'base64url');
      if (tagBytes.length !== 16) {
        throw new TokenUnreadableError('authentication tag has the wrong length');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(tagBytes);

        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenUnreadableError('authentication failed');
      }
    },
  };
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
