import { useState, type FormEvent } from 'react';

export type TNewSecret = { name: string; description?: string; value: string };

const NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}';

/** Name, description and value (a password field: the value is never shown, here or later). */
export function SecretCreateForm({ pending, onCreate }: { pending: boolean; onCreate: (secret: TNewSecret) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCreate({ name: name.trim(), value, ...(description.trim() ? { description: description.trim() } : {}) });
    setName('');
    setDescription('');
    setValue('');
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="New secret">
      <label>
        Secret name
        <input
          required
          pattern={NAME_PATTERN}
          title="a letter or digit, then letters, digits, _ - or . (at most 64)"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. slack-webhook"
        />
      </label>
      <label>
        Description
        <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="what it is for" />
      </label>
      <label>
        Value
        <input
          required
          type="password"
          autoComplete="new-password"
          minLength={4}
          maxLength={16384}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Saving…' : 'Create secret'}
      </button>
    </form>
  );
}

/** A new value for one secret (rotation): the next request sent uses it. */
export function SecretValueForm({
  name,
  pending,
  onSave,
  onCancel,
}: {
  name: string;
  pending: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(value);
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Rotate ${name}`}>
      <label>
        New value for {name}
        <input
          required
          autoFocus
          type="password"
          autoComplete="new-password"
          minLength={4}
          maxLength={16384}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="button small primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save value'}
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
