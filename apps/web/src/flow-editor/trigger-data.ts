import type { TFlowTriggerNode } from '@uw/flow-engine';

export type TTriggerData = TFlowTriggerNode['data'];
