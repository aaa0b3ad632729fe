import { createHmac, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseKeys } from '@uw/api';
import { CLOCKIFY_PUBLIC_KEY_PEM } from '@uw/clockify';

type TWarn = { warn(o: unknown, m?: string): void };
type TInfo = { info(o: unknown, m?: string): void };

/**
 * UW_ENCRYPTION_KEY (one or more comma-separated 32-byte keys). Outside production, a missing key is
 * generated once and kept in the data folder, with a warning: losing that file loses the stored tokens.
 */
export function loadEncryptionKeys(spec: string | undefined, dataDir: string, logger: TWarn): Buffer[] {
  if (spec) return parseKeys(spec);
  const file = join(dataDir, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  logger.warn({ file }, 'UW_ENCRYPTION_KEY is not set: using a generated development key kept in the data folder');

  return parseKeys(readFileSync(file, 'utf8').trim());
}

/** UW_CLOCKIFY_PUBLIC_KEY as PEM text or as a path to a PEM file; unset, Clockify's published key. */
export function loadClockifyKey(spec: string | undefined, logger: TInfo): KeyObject {
  if (!spec) {
    logger.info({}, "UW_CLOCKIFY_PUBLIC_KEY is not set: verifying Clockify's tokens with Clockify's published key");

    return createPublicKey(CLOCKIFY_PUBLIC_KEY_PEM);
  }
  const pem = spec.includes('-----BEGIN') ? spec.replace(/\\n/g, '\n') : readFileSync(spec, 'utf8');
  try {
    return createPublicKey(pem);
  } catch (err) {
    throw new Error(`UW_CLOCKIFY_PUBLIC_KEY: not a readable public key (${(err as Error).message})`);
  }
}

/** The dev-login signing secret is derived from the first encryption key: stable across restarts. */
export const devSecretFrom = (key: Buffer) => new Uint8Array(createHmac('sha256', key).update('dev-login').digest());
