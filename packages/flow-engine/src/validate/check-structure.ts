import { findCycles } from '../graph/find-cycles';
import { reachableNodes } from '../graph/reachable-nodes';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowIssue } from './flow-issue';

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    (seen.has(id) ? repeated : seen).add(id);
  }

  return [...repeated];
}

function checkTriggers(definition: TFlowDefinition): TFlowIssue[] {
  const triggers = definition.nodes.filter((node) => node.kind === 'trigger');
  if (triggers.length === 0) {
    return [{ code: 'TRIGGER_MISSING', severity: 'error', message: 'a flow needs exactly one trigger' }];
  }

  return triggers
    .slice(1)
    .map((node) => ({ code: 'TRIGGER_DUPLICATE', severity: 'error', nodeId: node.id, message: 'a flow can have only one trigger' }));
}

function checkEdges(definition: TFlowDefinition): TFlowIssue[] {
  const kinds = new Map(definition.nodes.map((node) => [node.id, node.kind]));
  const issues: TFlowIssue[] = [];
  for (const edge of definition.edges) {
    if (!kinds.has(edge.source)) {
      issues.push({
        code: 'EDGE_SOURCE_MISSING',
        severity: 'error',
        edgeId: edge.id,
        message: `edge starts at unknown node "${edge.source}"`,
      });
    }
    if (!kinds.has(edge.target)) {
      issues.push({
        code: 'EDGE_TARGET_MISSING',
        severity: 'error',
        edgeId: edge.id,
        message: `edge points to unknown node "${edge.target}"`,
      });
    } else if (kinds.get(edge.target) === 'trigger') {
      issues.push({
        code: 'EDGE_INTO_TRIGGER',
        severity: 'error',
        edgeId: edge.id,
        nodeId: edge.target,
        message: 'nothing can lead into the trigger',
      });
    }
  }

  return issues;
}

/** Graph rules: one trigger, unique ids, edges between existing nodes, no cycles, everything reachable. */
export function checkStructure(definition: TFlowDefinition): TFlowIssue[] {
  const issues = [...checkTriggers(definition), ...checkEdges(definition)];
  for (const id of duplicates(definition.nodes.map((node) => node.id))) {
    issues.push({ code: 'DUPLICATE_NODE_ID', severity: 'error', nodeId: id, message: `two nodes share the id "${id}"` });
  }
  for (const id of duplicates(definition.edges.map((edge) => edge.id))) {
    issues.push({ code: 'DUPLICATE_EDGE_ID', severity: 'error', edgeId: id, message: `two edges share the id "${id}"` });
  }
  for (const cycle of findCycles(definition)) {
    const path = cycle.join(' → ');
    issues.push(
      ...cycle.map((nodeId): TFlowIssue => ({ code: 'CYCLE', severity: 'error', nodeId, message: `node is on a cycle (${path})` })),
    );
  }
  const trigger = definition.nodes.find((node) => node.kind === 'trigger');
  if (trigger) {
    const reachable = new Set(reachableNodes(definition, trigger.id));
    for (const node of definition.nodes) {
      if (!reachable.has(node.id) && node.kind !== 'trigger') {
        issues.push({
          code: 'UNREACHABLE_NODE',
          severity: 'warning',
          nodeId: node.id,
          message: 'no path leads here from the trigger; this node never runs',
        });
      }
    }
  }

  return issues;
}
