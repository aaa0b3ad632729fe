import { createPrivateKey, createPublicKey } from 'node:crypto';

import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, type CryptoKey } from 'jose';

export type TKeyMaterial = { privateKey: CryptoKey; privateKeyPem: string; publicKeyPem: string };

/** A fresh RSA-2048 pair (the size Clockify's published key has), or the PEM the caller supplied. */
export async function loadKeys(privateKeyPem?: string): Promise<TKeyMaterial> {
  if (privateKeyPem) {
    const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();

    return { privateKey: await importPKCS8(privateKeyPem, 'RS256', { extractable: true }), privateKeyPem, publicKeyPem };
  }
  const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });

  return { privateKey: pair.privateKey, privateKeyPem: await exportPKCS8(pair.privateKey), publicKeyPem: await exportSPKI(pair.publicKey) };
}
