import type { TTraceEntry } from './nest-trace';

export type TRunTone = 'ok' | 'info' | 'muted' | 'warn' | 'bad';

/** What a node's badge says after a test run: `would send`, `blocked`, `would send ×3 · blocked ×1` in a loop. */
export type TNodeRun = { text: string; tone: TRunTone; title: string; /** The flow changed since that run. */ stale?: boolean };

/** What the engine's trace states mean to someone reading the canvas. */
const WORDS: Record<string, { word: string; tone: TRunTone }> = {
  triggered: { word: 'triggered', tone: 'ok' },
  passed: { word: 'passed', tone: 'ok' },
  blocked: { word: 'blocked', tone: 'warn' },
  skipped: { word: 'skipped', tone: 'muted' },
  succeeded: { word: 'sent', tone: 'ok' },
  reused: { word: 'reused', tone: 'muted' },
  'dry-run': { word: 'would send', tone: 'info' },
  switched: { word: 'switched', tone: 'ok' },
  set: { word: 'set', tone: 'ok' },
  looped: { word: 'looped', tone: 'ok' },
  parked: { word: 'would wait', tone: 'info' },
  waited: { word: 'waited', tone: 'ok' },
  failed: { word: 'failed', tone: 'bad' },
};
const TONE_RANK: TRunTone[] = ['muted', 'ok', 'info', 'warn', 'bad'];

/** The subset of a test run's outcome the badges read. */
export type TRunOutcome = { status: string; trace: readonly TTraceEntry[]; nodeId?: string };

function wordOf(entry: TTraceEntry): string {
  if (entry.state === 'switched' && entry.branch !== undefined) return `→ ${entry.branch}`;
  if (entry.state === 'looped' && entry.items !== undefined) return `looped ${entry.items} ${entry.items === 1 ? 'item' : 'items'}`;

  return WORDS[entry.state]?.word ?? entry.state;
}

const worst = (tones: readonly TRunTone[]) => tones.reduce((a, b) => (TONE_RANK.indexOf(b) > TONE_RANK.indexOf(a) ? b : a), 'muted');

function summarise(entries: readonly TTraceEntry[]): TNodeRun {
  const tones = entries.map((e) => WORDS[e.state]?.tone ?? 'muted');
  const inLoop = entries.some((e) => (e.path?.length ?? 0) > 0);
  if (!inLoop && entries.length === 1) {
    const entry = entries[0] as TTraceEntry;

    return { text: wordOf(entry), tone: worst(tones), title: `Last test run: ${entry.state}` };
  }
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(wordOf(e), (counts.get(wordOf(e)) ?? 0) + 1);
  const text = [...counts].map(([word, n]) => `${word} ×${n}`).join(' · ');

  return { text, tone: worst(tones), title: `Last test run, per item: ${text}` };
}

/**
 * Each node's badge after a test run, from its trace: one state, or per-item counts for nodes inside a
 * loop; the node a failed run stopped at is `failed`; nodes the run never reached get `not run`.
 */
export function nodeRunStatuses(outcome: TRunOutcome, nodeIds: readonly string[]): Map<string, TNodeRun> {
  const byNode = new Map<string, TTraceEntry[]>();
  for (const entry of outcome.trace) {
    // A loop item replayed from the journal is a marker of the loop, not a run of it.
    if (entry.kind === 'forEach' && entry.state === 'reused' && entry.path !== undefined) continue;
    byNode.set(entry.nodeId, [...(byNode.get(entry.nodeId) ?? []), entry]);
  }
  if ((outcome.status === 'failed' || outcome.status === 'retry') && outcome.nodeId) {
    const failed: TTraceEntry = { nodeId: outcome.nodeId, kind: '', state: 'failed' };
    byNode.set(outcome.nodeId, [...(byNode.get(outcome.nodeId) ?? []), failed]);
  }

  return new Map(
    nodeIds.map((id) => {
      const entries = byNode.get(id);
      const run: TNodeRun = entries
        ? summarise(entries)
        : { text: 'not run', tone: 'muted', title: 'The last test run did not reach this node' };

      return [id, run];
    }),
  );
}
