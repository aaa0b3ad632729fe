import { randomUUID } from 'node:crypto';

import { importSPKI, jwtVerify, type CryptoKey } from 'jose';

import { signClockifyToken } from '@uw/clockify';

import type { TTokenKind } from './claims';

export type TTokenRecord = { kind: TTokenKind; workspaceId: string; userId?: string; exp?: number };
export type TTokenIssuer = {
  issue(kind: TTokenKind, claims: Record<string, unknown>): Promise<string>;
  /** what the simulator knows about a token it issued; tokens signed elsewhere with its key are verified once */
  lookup(token: string): Promise<TTokenRecord | undefined>;
};

const recordOf = (kind: TTokenKind, claims: Record<string, unknown>): TTokenRecord => ({
  kind,
  workspaceId: String(claims.workspaceId ?? ''),
  userId: typeof claims.user === 'string' ? claims.user : undefined,
  exp: typeof claims.exp === 'number' ? claims.exp : undefined,
});

export function createTokenIssuer(privateKey: CryptoKey, publicKeyPem: string): TTokenIssuer {
  const issued = new Map<string, TTokenRecord>();
  let publicKey: Promise<CryptoKey> | undefined;

  return {
    async issue(kind, claims) {
      const token = await signClockifyToken({ iat: Math.floor(Date.now() / 1000), jti: randomUUID(), ...claims }, privateKey);
      issued.set(token, recordOf(kind, claims));

      return token;
    },
    async lookup(token) {
      const known = issued.get(token);
      if (known) {
        return known;
      }
      try {
        publicKey ??= importSPKI(publicKeyPem, 'RS256');
        const { payload } = await jwtVerify(token, await publicKey, { issuer: 'clockify', algorithms: ['RS256'] });
        const record = recordOf(payload.type === 'addon' ? 'user' : 'lifecycle', payload);
        issued.set(token, record);

        return record;
      } catch {
        return undefined;
      }
    },
  };
}
