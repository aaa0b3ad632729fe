import { env } from '../env';
import { authStore } from './auth-store';
import { saveDevSession } from './dev-session';
import { sessionFromDevLogin, type TDevLoginResponse } from './session';

export class DevLoginError extends Error {}

/** POST /auth/dev-login (outside production only). A 404 means the server has it switched off. */
export async function devLogin(fetchImpl: typeof fetch = fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchImpl(`${env.VITE_AUTH_URL}/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  } catch (err) {
    throw new DevLoginError(`Could not reach the server: ${(err as Error).message}`);
  }
  if (res.status === 404) {
    throw new DevLoginError(
      'Development login is turned off on this server (it is never available in production). Open the add-on from Clockify instead.',
    );
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new DevLoginError(`Development login failed (HTTP ${res.status})${text ? `: ${text.slice(0, 300)}` : ''}`);
  }
  const body = (await res.json()) as TDevLoginResponse;
  if (!body.token) {
    throw new DevLoginError('Development login answered without a token.');
  }
  const session = sessionFromDevLogin(body);
  saveDevSession(session);
  authStore.signIn(session, body.notice ?? null);
}
