import { createPrivateKey } from 'node:crypto';

import { createTRPCClient, httpLink } from '@trpc/client';
import { SignJWT } from 'jose';

import type { AppRouter } from '@uw/api';
import { MANIFEST_EVENT_TYPES } from '@uw/clockify';
import type { TSimulator } from '@uw/simulator';

/** Installs the add-on the way Clockify does: INSTALLED carries the manifest's 20 webhooks with their tokens. */
export async function installLikeClockify(sim: TSimulator, serverUrl: string, workspaceId: string) {
  const webhooks = MANIFEST_EVENT_TYPES.map((e) => ({ event: e.name, path: `${serverUrl}/webhooks/clockify` }));
  const result = await sim.installInto(serverUrl, workspaceId, { webhooks });
  if (result.status !== 200)
    throw new Error(`install into ${workspaceId} answered ${result.status}: ${JSON.stringify(result.body)} ${result.error ?? ''}`);

  return result;
}

/**
 * The `clockify-signature` Clockify would send for `eventType` of `workspaceId` to this server: the token of
 * the webhook registered for exactly that event (manifest webhooks live in the installation, API ones in
 * the workspace's list). No fallback to another event's webhook: that would hide which token is in use.
 */
export function webhookToken(sim: TSimulator, to: { workspaceId: string; eventType: string; serverUrl: string }): string {
  const { workspaceId, eventType, serverUrl } = to;
  const data = sim.workspace(workspaceId).data;
  const hooks = [...data.installation.webhooks, ...data.webhooks].filter((w) => w.url === `${serverUrl}/webhooks/clockify`);
  const hook = hooks.find((w) => w.webhookEvent === eventType);
  if (!hook) throw new Error(`no webhook registered for ${eventType} on ${workspaceId} at ${serverUrl}`);

  return hook.authToken;
}

/** A JWT signed with the simulator's key (the server trusts it) with the claims given. */
export async function signWithSim(sim: TSimulator, claims: Record<string, unknown>, opts: { expiresAt?: number } = {}) {
  const jwt = new SignJWT({ type: 'addon', ...claims })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(String(claims.iss ?? 'clockify'))
    .setSubject(String(claims.sub ?? sim.addonKey))
    .setIssuedAt();
  if (opts.expiresAt) jwt.setExpirationTime(opts.expiresAt);

  return jwt.sign(createPrivateKey(sim.privateKeyPem));
}

/** A typed tRPC client acting as the workspace owner. */
export async function ownerClient(sim: TSimulator, serverUrl: string, workspaceId: string) {
  const token = await sim.userToken(workspaceId, { role: 'OWNER', ttlSec: 3_600 });

  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${serverUrl}/trpc`, headers: () => ({ authorization: `Bearer ${token}` }) })],
  });
}
export type TOwnerClient = Awaited<ReturnType<typeof ownerClient>>;

/** Sets workspace settings the way Clockify does (SETTINGS_UPDATED). */
export async function updateSettings(sim: TSimulator, to: { serverUrl: string; workspaceId: string }, settings: Record<string, unknown>) {
  const result = await sim.sendLifecycle(
    { addonUrl: to.serverUrl, kind: 'settings-updated', workspaceId: to.workspaceId },
    {
      settings: Object.entries(settings).map(([id, value]) => ({ id, name: id, value })),
    },
  );
  if (result.status !== 200) throw new Error(`settings-updated answered ${result.status}: ${JSON.stringify(result.response)}`);
}

/** A time-entry-like body; `id` makes each body (and so its dedup key) distinct. */
export const timeEntryBody = (workspaceId: string, id: string, extra: Record<string, unknown> = {}) => ({
  id,
  workspaceId,
  description: 'fault suite',
  billable: true,
  timeInterval: { start: '2026-01-05T09:00:00Z', end: '2026-01-05T10:00:00Z', duration: 'PT1H' },
  ...extra,
});

/** Polls until `check` gives a truthy value; throws when the time runs out. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 10_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
