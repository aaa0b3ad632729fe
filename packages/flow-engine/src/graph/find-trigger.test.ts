import { describe, expect, it } from 'vitest';

import type { TFlowNode } from '../model/node-schemas';
import { findTrigger } from './find-trigger';

const at = { x: 0, y: 0 };
const condition: TFlowNode = { id: 'c', kind: 'condition', position: at, data: { expression: 'true' } };
const trigger: TFlowNode = { id: 't', kind: 'trigger', position: at, data: { source: 'custom', sourceId: 's1' } };

describe('findTrigger', () => {
  it('returns the trigger wherever it sits in the document', () => {
    expect(findTrigger({ nodes: [condition, trigger] })?.id).toBe('t');
  });

  it('returns undefined when there is none', () => {
    expect(findTrigger({ nodes: [condition] })).toBeUndefined();
  });
});
