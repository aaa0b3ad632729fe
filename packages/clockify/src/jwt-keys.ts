import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { CryptoKey } from 'jose';

/** A key for RS256: PEM text, a Node KeyObject or a WebCrypto CryptoKey. */
export type TRsaKeyInput = string | KeyObject | CryptoKey;

const isPem = (text: string) => text.includes('-----BEGIN');
/** Env files often carry PEMs on one line with literal `\n`. */
const unescapePem = (text: string) => text.replace(/\\n/g, '\n');

function requireRsa(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`${what} is a ${key.asymmetricKeyType ?? key.type} key; Clockify signs with RSA (RS256)`);
  }

  return key;
}

/**
 * Clockify's public key from PEM text (SPKI `PUBLIC KEY`, `RSA PUBLIC KEY` or an X.509 `CERTIFICATE`)
 * or from the path of a file holding it. Throws a readable error when it is not an RSA public key.
 */
export function readPublicKey(pemOrPath: string): KeyObject {
  let pem = pemOrPath;
  if (!isPem(pemOrPath)) {
    try {
      pem = readFileSync(pemOrPath, 'utf8');
    } catch (err) {
      throw new Error(
        `cannot read the Clockify public key file ${pemOrPath} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
  }
  let key: KeyObject;
  try {
    key = createPublicKey(unescapePem(pem));
  } catch (err) {
    throw new Error(`the Clockify public key is not a readable PEM key (${(err as Error).message})`);
  }

  return requireRsa(key, 'the Clockify public key');
}

const publicCache = new Map<string, KeyObject>();

/** PEM strings are parsed once and cached; key objects pass through. */
export function toVerifyKey(input: TRsaKeyInput): KeyObject | CryptoKey {
  if (typeof input !== 'string') return input;
  let key = publicCache.get(input);
  if (!key) {
    key = readPublicKey(input.trim());
    if (publicCache.size > 100) publicCache.clear();
    publicCache.set(input, key);
  }

  return key;
}

export function toSigningKey(input: TRsaKeyInput): KeyObject | CryptoKey {
  return typeof input === 'string' ? requireRsa(createPrivateKey(unescapePem(input)), 'the signing key') : input;
}
