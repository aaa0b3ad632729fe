import { SignJWT, type CryptoKey } from 'jose';

// TEMPORARY until @uw/clockify exports signClockifyToken (then this file re-exports it).
export async function signClockifyToken(claims: Record<string, unknown>, privateKey: CryptoKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
}
