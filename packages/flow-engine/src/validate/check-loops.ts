import { loopBodies } from '../graph/loop-bodies';
import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowIssue } from './flow-issue';

/**
 * A forEach's body (everything its `body` edges reach) is a closed subgraph: no edge leads into it
 * except the loop's own `body` edges, so no body node is also reached from outside the loop. Work after the loop hangs off its
 * `done` edges. (Cycles are refused everywhere, the body included: the loop repeats it, nothing loops back.)
 */
export function checkLoops(definition: TFlowDefinition): TFlowIssue[] {
  const loops = definition.nodes.filter((node) => node.kind === 'forEach').map((node) => node.id);
  const issues: TFlowIssue[] = [];
  for (const [loopId, body] of loopBodies(definition, loops)) {
    for (const edge of definition.edges) {
      const isFromBody = body.has(edge.source);
      const isIntoBody = body.has(edge.target);
      const isLoopEntry = edge.source === loopId && edge.branch === 'body';
      if (isIntoBody && !isFromBody && !isLoopEntry) {
        issues.push({
          code: 'LOOP_BODY_ESCAPES',
          severity: 'error',
          edgeId: edge.id,
          nodeId: edge.target,
          message: `"${edge.target}" runs per item in the body of forEach "${loopId}", so "${edge.source}" outside it cannot lead there; hang work after the loop off its "done" edge`,
        });
      }
    }
  }

  return issues;
}
