import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { useIsAdmin } from '../auth/auth-store';
import { trpc } from '../trpc/client';
import { errorMessage } from '../trpc/errors';
import type { TRouterOutputs } from '../trpc/types';
import './flow-limits.css';
import { parseLimit } from './parse-limit';

type TFlow = TRouterOutputs['flows']['get'];

/** The API's ranges (flows.update refuses others). */
const RANGES = { maxConcurrent: 1000, maxPerMinute: 10_000 } as const;
type TLimit = keyof typeof RANGES;

const shown = (v: number | null) => (v === null ? '' : String(v));

/**
 * The flow's own limits: at most N executions running at once and at most N starting per minute. Excess
 * executions wait in the queue (never dropped); the workspace's Clockify rate limit applies beside them.
 */
export function FlowLimitsPanel({ flow }: { flow: TFlow }) {
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const [text, setText] = useState({ maxConcurrent: shown(flow.maxConcurrent), maxPerMinute: shown(flow.maxPerMinute) });
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.flows.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ id: flow.id }) });
      },
    }),
  );
  const parsed = {
    maxConcurrent: parseLimit(text.maxConcurrent, RANGES.maxConcurrent),
    maxPerMinute: parseLimit(text.maxPerMinute, RANGES.maxPerMinute),
  };
  const invalid = 'error' in parsed.maxConcurrent || 'error' in parsed.maxPerMinute;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ('value' in parsed.maxConcurrent && 'value' in parsed.maxPerMinute)
      save.mutate({ id: flow.id, data: { maxConcurrent: parsed.maxConcurrent.value, maxPerMinute: parsed.maxPerMinute.value } });
  };
  const field = (key: TLimit, label: string) => {
    const p = parsed[key];

    return (
      <label>
        {label}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={RANGES[key]}
          value={text[key]}
          placeholder="no limit"
          readOnly={!isAdmin}
          aria-invalid={'error' in p}
          onChange={(e) => {
            setSaved(false);
            setText({ ...text, [key]: e.target.value });
          }}
        />
        {'error' in p && <span className="error-text small">{p.error}</span>}
      </label>
    );
  };

  return (
    <section className="test-run flow-limits" aria-labelledby="flow-limits-title">
      <h2 id="flow-limits-title">Limits</h2>
      <p className="muted small">
        Runs beyond a limit wait in the queue and start when there is room; none is dropped. Leave a field empty for no limit of the flow’s
        own.
      </p>
      <form className="inline-form" onSubmit={submit} aria-label="Flow limits">
        {field('maxConcurrent', 'Running at once, at most')}
        {field('maxPerMinute', 'Starts per minute, at most')}
        {isAdmin && (
          <button type="submit" className="button" disabled={invalid || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save limits'}
          </button>
        )}
        {saved && (
          <span role="status" className="muted small">
            Limits saved.
          </span>
        )}
        {save.error && (
          <p role="alert" className="error-text">
            {errorMessage(save.error)}
          </p>
        )}
      </form>
    </section>
  );
}
