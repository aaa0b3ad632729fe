import { jwtVerify, SignJWT } from 'jose';

import { installationQueries, serviceKeyQueries, type TServiceKeyScope } from '@uw/db';
import { verifyClockifyToken } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { UserError } from '../../errors';
import { sha256Hex } from '../security/token-cipher';

export type TCallerRole = 'admin' | 'user' | 'service';
export type TCaller = {
  workspaceId: string;
  userId: string | null;
  role: TCallerRole;
  via: 'clockify' | 'service_key' | 'dev';
  /** Set for service keys: which key, what it may do, and until when. */
  key?: { id: string; scope: TServiceKeyScope; expiresAt: number | null };
};

export const SERVICE_KEY_PREFIX = 'uwk_';
export const DEV_ISSUER = 'universal-webhook-dev';
const ADMIN_ROLES = new Set(['OWNER', 'ADMIN']);
/** `lastUsedAt` is written at most this often per key (a busy service would otherwise write on every call). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves `Authorization: Bearer …` to a caller, or throws UNAUTHORIZED naming the reason. */
export async function resolveCaller(deps: TApiDeps, authorization: string | undefined): Promise<TCaller | null> {
  if (!authorization) {
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    throw new UserError('UNAUTHORIZED', 'Authorization header must be "Bearer <token>"');
  }
  const token = match[1]!;
  if (token.startsWith(SERVICE_KEY_PREFIX)) {
    return resolveServiceKey(deps, token);
  }
  if (deps.config.devLogin && (await isDevToken(deps, token))) {
    return resolveDevToken(deps, token);
  }

  return resolveClockifyUser(deps, token);
}

async function resolveServiceKey(deps: TApiDeps, token: string): Promise<TCaller> {
  const key = await serviceKeyQueries.findLiveKeyByHash(deps.db, sha256Hex(token));
  if (!key) {
    throw new UserError('UNAUTHORIZED', 'unknown or revoked service key');
  }
  const now = Date.now();
  const expiresAt = key.expiresAt ?? null;
  if (expiresAt !== null && expiresAt <= now) {
    throw new UserError('UNAUTHORIZED', `the service key expired at ${new Date(expiresAt).toISOString()}`);
  }
  const installation = await installationQueries.findInstallation(deps.db, key.workspaceId);
  if (!installation || installation.status === 'DELETED') {
    throw new UserError('UNAUTHORIZED', "the service key's workspace is not installed");
  }
  if (!key.lastUsedAt || now - key.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
    await serviceKeyQueries.touchLastUsed(deps.db, key.workspaceId, { id: key.id, now, resolutionMs: LAST_USED_RESOLUTION_MS });
  }

  return {
    workspaceId: key.workspaceId,
    userId: null,
    role: 'service',
    via: 'service_key',
    key: { id: key.id, scope: key.scope, expiresAt },
  };
}

async function resolveClockifyUser(deps: TApiDeps, token: string): Promise<TCaller> {
  if (!deps.clockifyKey) {
    throw new UserError('UNAUTHORIZED', 'Clockify tokens cannot be verified: UW_CLOCKIFY_PUBLIC_KEY is not configured');
  }
  let claims;
  try {
    claims = await verifyClockifyToken(token, { publicKey: deps.clockifyKey, addonKey: deps.config.addonKey, requireExp: true });
  } catch (err) {
    throw new UserError('UNAUTHORIZED', `invalid Clockify token: ${(err as { reason?: string }).reason ?? (err as Error).message}`);
  }
  const installation = await installationQueries.findInstallation(deps.db, String(claims.workspaceId));
  if (!installation || installation.status === 'DELETED' || installation.addonId !== claims.addonId) {
    throw new UserError('UNAUTHORIZED', 'the add-on is not installed on this workspace');
  }
  const role = ADMIN_ROLES.has(String(claims.workspaceRole ?? '')) ? 'admin' : 'user';

  return { workspaceId: installation.workspaceId, userId: claims.user ? String(claims.user) : null, role, via: 'clockify' };
}

async function isDevToken(deps: TApiDeps, token: string): Promise<boolean> {
  try {
    await jwtVerify(token, deps.devSecret, { algorithms: ['HS256'], issuer: DEV_ISSUER });

    return true;
  } catch {
    return false;
  }
}

async function resolveDevToken(deps: TApiDeps, token: string): Promise<TCaller> {
  const { payload } = await jwtVerify(token, deps.devSecret, { algorithms: ['HS256'], issuer: DEV_ISSUER });

  return { workspaceId: String(payload.workspaceId), userId: String(payload.sub), role: 'admin', via: 'dev' };
}

export async function signDevToken(deps: TApiDeps, workspaceId: string, userId: string): Promise<string> {
  return new SignJWT({ workspaceId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(DEV_ISSUER)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(deps.devSecret);
}
