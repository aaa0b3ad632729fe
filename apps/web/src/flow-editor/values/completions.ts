import { ALLOWED_FUNCTIONS } from '@uw/flow-engine';

import { codeOnly, keysOf, ROOTS, segmentText, typeOf, valueAt } from './paths';

export type TCompletion = { label: string; insert: string; detail: string };
/** What replaces `text.slice(from, to)` when a candidate is taken. */
export type TCompletions = { from: number; to: number; options: TCompletion[] };

export type TCompletionData = {
  /** `{ payload, steps, event, headers, workspace }` as the sample (and earlier steps) give them. */
  data: Record<string, unknown>;
  /** Ids of the steps before this node (offered after `steps.` even when not run yet). */
  stepIds: readonly string[];
  /** Inside a forEach body: `$item` holds one of these. */
  item?: unknown;
  /** In an action's fields: the workspace's secret names, offered as `$secret("name")`. */
  secrets?: readonly string[];
};

const MAX = 30;

/**
 * The candidates at the cursor: a root (`payload`, `steps`…), a key after `payload.` / `steps.<id>.` /
 * `$item.` from the sample data, a step id after `steps.`, `$item` / `$index` and the JSONata functions
 * after `$`. Nothing inside strings.
 */
export function completionsAt(text: string, cursor: number, input: TCompletionData): TCompletions | null {
  const before = codeOnly(text.slice(0, cursor));
  // An unclosed quote before the cursor: inside a string, nothing to complete.
  if (/["']/.test(before)) return null;
  const token = /(\$?[\w$]*(?:\.[\w$]*)*)$/.exec(before)?.[1] ?? '';
  const dot = token.lastIndexOf('.');
  const prefix = dot < 0 ? token : token.slice(dot + 1);
  const from = cursor - prefix.length;
  const starts = (s: string) => s.toLowerCase().startsWith(prefix.toLowerCase().replace(/^\$/, '')) && s !== prefix;
  let options: TCompletion[] = [];

  if (dot < 0 && token.startsWith('$')) {
    const vars = input.item !== undefined ? ['item', 'index'] : ['item'];
    options = [
      ...vars.filter(starts).map((v) => ({ label: `$${v}`, insert: `$${v}`, detail: 'loop variable' })),
      ...ALLOWED_FUNCTIONS.filter(starts).map((f) => ({ label: `$${f}()`, insert: `$${f}(`, detail: 'function' })),
      ...(starts('secret') ? (input.secrets ?? []) : []).map((name) => {
        const call = `$secret(${JSON.stringify(name)})`;

        return { label: call, insert: call, detail: 'secret (sent as ••••)' };
      }),
    ];
  } else if (dot < 0) {
    if (prefix === '') return null;
    options = ROOTS.filter(starts).map((r) => ({ label: r, insert: r, detail: typeOf(input.data[r]) }));
  } else {
    const segments = token.slice(0, dot).split('.');
    const [root, ...rest] = segments as [string, ...string[]];
    let keys: { key: string; value: unknown }[];
    if (root === 'steps' && rest.length === 0) {
      const steps = (input.data.steps ?? {}) as Record<string, unknown>;
      keys = [...new Set([...input.stepIds, ...Object.keys(steps)])].map((key) => ({ key, value: steps[key] }));
    } else {
      const base = root === '$item' ? valueAt(input.item, rest) : valueAt(input.data, [root, ...rest]);
      keys = keysOf(base).map((key) => ({ key, value: valueAt(base, [key]) }));
    }
    options = keys
      .filter(({ key }) => prefix === '' || starts(key))
      .map(({ key, value }) => ({ label: key, insert: segmentText(key), detail: typeOf(value) }));
  }

  return options.length === 0 ? null : { from, to: cursor, options: options.slice(0, MAX) };
}

/** The text after taking a candidate, and where the cursor goes. */
export function applyCompletion(text: string, range: TCompletions, option: TCompletion): { text: string; cursor: number } {
  const next = text.slice(0, range.from) + option.insert + text.slice(range.to);

  return { text: next, cursor: range.from + option.insert.length };
}
