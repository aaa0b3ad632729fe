const TONE: Record<string, string> = {
  queued: 'info',
  waiting: 'info',
  running: 'info',
  pending: 'info',
  succeeded: 'ok',
  success: 'ok',
  done: 'ok',
  completed: 'ok',
  ACTIVE: 'ok',
  triggered: 'info',
  passed: 'ok',
  blocked: 'muted',
  reused: 'muted',
  'dry-run': 'info',
  switched: 'ok',
  set: 'ok',
  looped: 'ok',
  waited: 'ok',
  parked: 'info',
  completed_with_errors: 'warn',
  no_match: 'muted',
  duplicate: 'muted',
  skipped: 'muted',
  INACTIVE: 'muted',
  idle: 'muted',
  rejected: 'bad',
  failed: 'bad',
  error: 'bad',
  DELETED: 'bad',
  cancelled: 'muted',
  retry: 'warn',
  retrying: 'warn',
};

/** A status word with a colour that is never the only signal (the word is always shown). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${TONE[status] ?? 'muted'}`}>{status.replace(/_/g, ' ')}</span>;
}
