import type { TFlowDefinition } from '../model/flow-definition-schema';
import type { TFlowTriggerNode } from '../model/node-schemas';

/** The first trigger node in document order (validation reports when there is not exactly one). */
export function findTrigger(definition: Pick<TFlowDefinition, 'nodes'>): TFlowTriggerNode | undefined {
  for (const node of definition.nodes) {
    if (node.kind === 'trigger') {
      return node;
    }
  }

  return undefined;
}
