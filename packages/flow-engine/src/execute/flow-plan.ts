import { innermostLoops, loopBodies } from '../graph/loop-bodies';
import { topoOrder } from '../graph/topo-order';
import type { TFlowDefinition, TFlowEdge } from '../model/flow-definition-schema';
import type { TFlowNode } from '../model/node-schemas';

/**
 * A validated definition prepared for running: the execution order, and for the top level (`null`)
 * and each forEach the nodes that run in that scope (a loop's body without its inner loops' bodies).
 */
export type TFlowPlan = {
  nodes: Map<string, TFlowNode>;
  incoming: Map<string, TFlowEdge[]>;
  outgoing: Map<string, TFlowEdge[]>;
  scopes: Map<string | null, string[]>;
  /** Per loop: the nodes of its scope with no edge out (their outputs are the item's result). */
  lastNodes: Map<string, string[]>;
};

const plans = new WeakMap<TFlowDefinition, TFlowPlan>();

const group = (edges: readonly TFlowEdge[], by: 'source' | 'target') => {
  const map = new Map<string, TFlowEdge[]>();
  for (const edge of edges) map.set(edge[by], [...(map.get(edge[by]) ?? []), edge]);

  return map;
};

function buildPlan(definition: TFlowDefinition, triggerId: string): TFlowPlan {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const outgoing = group(definition.edges, 'source');
  const loops = definition.nodes.filter((node) => node.kind === 'forEach').map((node) => node.id);
  const owners = innermostLoops(loopBodies(definition, loops));
  const scopes = new Map<string | null, string[]>([[null, []], ...loops.map((id): [string, string[]] => [id, []])]);
  for (const nodeId of topoOrder(definition, triggerId)) scopes.get(owners.get(nodeId) ?? null)?.push(nodeId);
  const isLast = (nodeId: string) =>
    (outgoing.get(nodeId) ?? []).every((edge) => edge.branch === 'body' && nodes.get(nodeId)?.kind === 'forEach');
  const lastNodes = new Map(loops.map((id) => [id, (scopes.get(id) ?? []).filter(isLast)]));

  return { nodes, incoming: group(definition.edges, 'target'), outgoing, scopes, lastNodes };
}

/** The plan of a definition object, built once (a stored flow version is one immutable object run many times). */
export function planFlow(definition: TFlowDefinition, triggerId: string): TFlowPlan {
  let plan = plans.get(definition);
  if (!plan) plans.set(definition, (plan = buildPlan(definition, triggerId)));

  return plan;
}
