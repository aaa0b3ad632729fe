import type { TFlowDefinition } from '../model/flow-definition-schema';

/** A ready-made flow the editor offers as a starting point. Values marked "edit" in the description need the user's data. */
export type TFlowTemplate = {
  id: string;
  name: string;
  description: string;
  definition: TFlowDefinition;
};

/** Lays nodes out top to bottom in the order given, 140 px apart (the editor may re-layout). */
export const column = (index: number, x = 0) => ({ x, y: index * 140 });
