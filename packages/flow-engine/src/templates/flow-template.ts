import type { TFlowDefinition } from '../model/flow-definition-schema';

/** A ready-made flow the editor offers as a starting point. Values marked "edit" in the description need the user's data. */
export type TFlowTemplate = {
  id: string;
  name: string;
  description: string;
  definition: TFlowDefinition;
};

/**
 * Lays nodes out left to right in the order given, 320 px apart, as the editor draws a flow (inputs on the
 * left, ways out on the right); `offset` moves a branch's node down (or up, negative).
 */
export const column = (index: number, offset = 0) => ({ x: index * 320, y: offset });
