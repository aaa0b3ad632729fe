import { useState } from 'react';

import { useAuth } from './auth/auth-store';
import { isEmbedded } from './auth/clockify-bridge';
import { devLogin } from './auth/dev-login';

/** Shown without a session: inside Clockify we wait for a token; standalone we offer the development login. */
export function SignIn() {
  const { problem } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const embedded = isEmbedded();
  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      await devLogin();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>Universal Webhook</h1>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {embedded ? (
        <p>This page needs Clockify's sign-in token. Reload the add-on from Clockify's sidebar.</p>
      ) : (
        <>
          <p>
            Open this add-on from Clockify to sign in with your Clockify account. On a development server you can use a local workspace
            instead.
          </p>
          <button type="button" className="button primary" onClick={() => void login()} disabled={busy}>
            {busy ? 'Signing in…' : 'Development login'}
          </button>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </>
      )}
    </main>
  );
}
