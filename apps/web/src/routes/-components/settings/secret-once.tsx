import { CopyButton } from '../../../components/copy-button';

/** A secret the server returns once: shown with a copy button until the user dismisses it. */
export function SecretOnce({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <div className="secret-once" role="alert">
      <p>
        <strong>{title}</strong> It is shown only this once: store it now.
      </p>
      <p>
        <code className="secret-value" data-testid="secret-value">
          {secret}
        </code>
      </p>
      <CopyButton text={secret} label="Copy secret" />
      <button type="button" className="button small" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
