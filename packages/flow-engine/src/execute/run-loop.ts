import { LOOP_MAX_ITEMS_CAP, type TFlowForEachNode } from '../model/node-schemas';
import { evaluateField } from './run-decisions';
import { failedStop, recall, type TFrame, type TNodeAt, type TRun, type TStop, type TVisit } from './run-state';
import { stepKey } from './step-key';

/** One scope to run: the top level (`id` null) or a loop's body, its frame, and the edges live from its start. */
export type TScopeRun = { id: string | null; frame: TFrame; entry: ReadonlySet<string> };
export type TRunScope = (run: TRun, scope: TScopeRun) => Promise<TStop | undefined>;

/** A single value counts as one item, nothing as none (JSONata gives a one-match sequence as the value itself). */
const asItems = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

async function loopItems(run: TRun, { node, frame, key }: TNodeAt<TFlowForEachNode>): Promise<{ items: unknown[] } | TStop> {
  const recorded = await recall(run, key, 'forEach');
  if (recorded?.status === 'items') return { items: recorded.items };
  const evaluated = await evaluateField(run, frame, { nodeId: node.id, key, field: 'data.items', expression: node.data.items });
  if ('stop' in evaluated) return evaluated;
  const items = asItems(evaluated.value);
  const limit = Math.min(node.data.maxItems, LOOP_MAX_ITEMS_CAP);
  if (items.length > limit) {
    const message = `forEach "${node.id}" got ${items.length} items, more than its maxItems ${limit}`;

    return failedStop(
      run,
      { code: 'BUDGET_ITEMS', kind: 'user', message, field: 'data.items', details: { limit } },
      { nodeId: node.id, key },
    );
  }
  await run.input.journal.record({ nodeId: node.id, key, kind: 'forEach', status: 'items', items });

  return { items };
}

/** The item's result: the output of the scope's last node, or `{ nodeId: output }` when there are several. */
function itemResult(run: TRun, loopId: string, steps: Record<string, unknown>): unknown {
  const last = run.plan.lastNodes.get(loopId) ?? [];
  if (last.length === 1) return steps[last[0] ?? ''] ?? null;

  return Object.fromEntries(last.filter((id) => steps[id] !== undefined).map((id) => [id, steps[id]]));
}

/**
 * Runs the body once per item, one after another, each item with its own copy of the steps (plus
 * `steps.<loop>` = `{ item, index }`). A finished item is journaled with its result, so a resumed run
 * skips it without replaying its nodes and starts at the first unfinished item.
 */
export async function runLoop(run: TRun, visit: TNodeAt<TFlowForEachNode> & { runScope: TRunScope }): Promise<TVisit> {
  const { node, frame, key, runScope } = visit;
  const listed = await loopItems(run, visit);
  if ('stop' in listed) return listed;
  const over = run.budget.items(listed.items.length);
  if (over) return failedStop(run, over, { nodeId: node.id, key });
  const entry = new Set((run.plan.outgoing.get(node.id) ?? []).filter((e) => e.branch === 'body').map((e) => e.id));
  const results: unknown[] = [];
  for (const [index, item] of listed.items.entries()) {
    const path = [...frame.path, index];
    const itemKey = stepKey(node.id, path);
    const done = await recall(run, itemKey, 'forEach');
    if (done?.status === 'item') {
      results.push(done.result);
      run.trace.push({ nodeId: node.id, kind: 'forEach', state: 'reused', key: itemKey, path });
      continue;
    }
    const steps = { ...frame.steps, [node.id]: { item, index } };
    const stopped = await runScope(run, { id: node.id, frame: { path, steps, loop: { item, index } }, entry });
    if (stopped) return stopped;
    const result = itemResult(run, node.id, steps);
    await run.input.journal.record({ nodeId: node.id, key: itemKey, kind: 'forEach', status: 'item', index, result });
    results.push(result);
  }
  frame.steps[node.id] = { results, count: results.length };

  return { state: 'looped', branch: 'done', extra: { items: results.length } };
}
