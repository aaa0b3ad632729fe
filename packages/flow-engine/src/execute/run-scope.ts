import type { TFlowEdge } from '../model/flow-definition-schema';
import type { TFlowActionNode, TFlowNode } from '../model/node-schemas';
import { runAction } from './run-action';
import { runCondition, runSet, runSwitch } from './run-decisions';
import { runLoop, type TScopeRun } from './run-loop';
import { contextOf, failedStop, type TFrame, type TNodeAt, type TRun, type TStop, type TVisit } from './run-state';
import { runWait } from './run-wait';
import { idempotencyKeyOf, stepKey } from './step-key';

async function runActionNode(run: TRun, { node, frame, key }: TNodeAt<TFlowActionNode>): Promise<TVisit> {
  const { input } = run;
  const meta = { nodeId: node.id, key, idempotencyKey: idempotencyKeyOf(run.executionId, key) };
  const result = await runAction({
    node,
    context: contextOf(run, frame),
    journal: input.journal,
    ports: input.ports,
    evaluator: run.evaluator,
    dryRun: input.dryRun ?? false,
    secretMarker: input.secretMarker ?? '',
    meta,
  });
  if (result.status === 'failed' || result.status === 'retry') {
    return { stop: { ...result, nodeId: node.id, key, steps: run.rootSteps, trace: run.trace } };
  }
  if (result.status === 'dry-run') {
    run.dryRunRequests.push({ nodeId: node.id, key, kind: node.kind, request: result.request });
  } else {
    frame.steps[node.id] = result.output;
  }

  return { state: result.status };
}

function visitNode(node: TFlowNode, run: TRun, frame: TFrame): Promise<TVisit> | TVisit {
  const key = stepKey(node.id, frame.path);
  switch (node.kind) {
    case 'trigger':
      return { state: 'triggered' };
    case 'condition':
      return runCondition(run, { node, frame, key });
    case 'switch':
      return runSwitch(run, { node, frame, key });
    case 'set':
      return runSet(run, { node, frame, key });
    case 'wait':
      return runWait(run, { node, frame, key });
    case 'forEach':
      return runLoop(run, { node, frame, key, runScope });
    case 'clockify':
    case 'http':
      return runActionNode(run, { node, frame, key });
  }
}

/** An edge out of a node that ran is live when it carries the branch the node took (a condition's edges default to "true"). */
function isLive(edge: TFlowEdge, node: TFlowNode, branch: string | undefined): boolean {
  if (branch === undefined) return true;

  return (edge.branch ?? (node.kind === 'condition' ? 'true' : undefined)) === branch;
}

/**
 * Runs the nodes of one scope (the top level, or one item of a loop's body) in execution order. A node
 * runs once, when at least one incoming edge is live; the order puts it after every source it has, so
 * all of them have been decided by then. A node that no live edge reaches is skipped, and so are its
 * edges. `entry` holds the edges live from the start (a loop's `body` edges).
 */
export async function runScope(run: TRun, scope: TScopeRun): Promise<TStop | undefined> {
  const { id: scopeId, frame, entry } = scope;
  const live = new Set(entry);
  const where = frame.path.length > 0 ? (key: string) => ({ key, path: [...frame.path] }) : () => ({});
  for (const nodeId of run.plan.scopes.get(scopeId) ?? []) {
    const node = run.plan.nodes.get(nodeId);
    if (!node) continue;
    const key = stepKey(nodeId, frame.path);
    const isReached = node.kind === 'trigger' || (run.plan.incoming.get(nodeId) ?? []).some((edge) => live.has(edge.id));
    if (!isReached) {
      run.trace.push({ nodeId, kind: node.kind, state: 'skipped', ...where(key) });
      continue;
    }
    const over = run.budget.step();
    if (over) return failedStop(run, over, { nodeId, key });
    const visited = await visitNode(node, run, frame);
    if ('stop' in visited) return visited;
    for (const edge of run.plan.outgoing.get(nodeId) ?? []) {
      if (isLive(edge, node, visited.branch)) live.add(edge.id);
    }
    run.trace.push({ nodeId, kind: node.kind, state: visited.state, ...where(key), ...visited.extra });
  }

  return undefined;
}
