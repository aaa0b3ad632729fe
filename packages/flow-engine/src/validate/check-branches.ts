import { SWITCH_DEFAULT_BRANCH, type TFlowNode } from '../model/node-schemas';
import type { TFlowDefinition, TFlowEdge } from '../model/flow-definition-schema';
import type { TFlowIssue } from './flow-issue';

const LOOP_BRANCHES = ['body', 'done'];

function edgeIssue(edge: TFlowEdge, code: TFlowIssue['code'], message: string): TFlowIssue {
  return { code, severity: 'error', edgeId: edge.id, nodeId: edge.source, field: 'branch', message };
}

/** The problem with an edge's branch given the kind of node it leaves, if any. */
function checkEdge(edge: TFlowEdge, source: TFlowNode): TFlowIssue | undefined {
  const { branch } = edge;
  switch (source.kind) {
    case 'condition':
      return branch === undefined || branch === 'true' || branch === 'false'
        ? undefined
        : edgeIssue(edge, 'BRANCH_INVALID', `an edge out of a condition is "true" or "false", not "${branch}"`);
    case 'switch': {
      if (branch === undefined)
        return edgeIssue(edge, 'BRANCH_MISSING', `an edge out of switch "${source.id}" must name a case or "default"`);
      const isKnown = branch === SWITCH_DEFAULT_BRANCH || source.data.cases.some((entry) => entry.id === branch);

      return isKnown ? undefined : edgeIssue(edge, 'UNKNOWN_CASE', `switch "${source.id}" has no case "${branch}"`);
    }
    case 'forEach':
      if (branch === undefined) return edgeIssue(edge, 'BRANCH_MISSING', `an edge out of forEach "${source.id}" is "body" or "done"`);

      return LOOP_BRANCHES.includes(branch)
        ? undefined
        : edgeIssue(edge, 'BRANCH_INVALID', `an edge out of a forEach is "body" or "done", not "${branch}"`);
    default:
      return branch === undefined
        ? undefined
        : edgeIssue(
            edge,
            'BRANCH_INVALID',
            `a "${branch}" edge can only leave a ${branchOwner(branch)}; ${source.kind} "${source.id}" has one way out`,
          );
  }
}

const branchOwner = (branch: string) =>
  branch === 'true' || branch === 'false' ? 'condition' : LOOP_BRANCHES.includes(branch) ? 'forEach' : 'switch';

/** Edge branches against the kind of node they leave; a forEach needs a `body` edge (a `done` edge alone is refused). */
export function checkBranches(definition: TFlowDefinition): TFlowIssue[] {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const issues: TFlowIssue[] = [];
  for (const edge of definition.edges) {
    const source = nodes.get(edge.source);
    const issue = source && checkEdge(edge, source);
    if (issue) issues.push(issue);
  }
  for (const node of definition.nodes) {
    if (node.kind !== 'forEach') continue;
    const branches = definition.edges.filter((edge) => edge.source === node.id).map((edge) => edge.branch);
    if (!branches.includes('body')) {
      const message = branches.includes('done')
        ? 'this forEach has a "done" edge but no "body" edge: nothing runs per item'
        : 'connect the nodes to run per item with a "body" edge';
      issues.push({ code: 'LOOP_WITHOUT_BODY', severity: 'error', nodeId: node.id, message });
    }
  }

  return issues;
}
