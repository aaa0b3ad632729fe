import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { branchHandles, branchSummary } from '../branches';
import { KIND_NAMES } from '../kind-names';
import type { TBranchingRfNode } from '../rf-types';
import { NodeFrame } from './node-frame';

/** A condition, switch or forEach: its summary and one handle per way out, both from branches.ts. */
function BranchingNodeView({ data, selected }: NodeProps<TBranchingRfNode>) {
  const { node } = data;
  const summary = branchSummary(node);

  return (
    <NodeFrame kind={node.kind} title={KIND_NAMES[node.kind]} data={data} selected={selected} hasInput outputs={branchHandles(node)}>
      {summary.isCode ? <code className="flow-node-code">{summary.text}</code> : summary.text}
    </NodeFrame>
  );
}

export const BranchingNode = memo(BranchingNodeView);
