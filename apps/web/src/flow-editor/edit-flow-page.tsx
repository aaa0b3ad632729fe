import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import { trpc } from '../trpc/client';
import { BacktestPanel } from './backtest-panel';
import { FlowEditor } from './flow-editor';
import { FlowLimitsPanel } from './flow-limits-panel';
import { FlowFileBar } from './flow-file-bar';

const route = getRouteApi('/flows/$flowId');

export function EditFlowPage() {
  const { flowId } = route.useParams();
  const { data: flow } = useSuspenseQuery(trpc.flows.get.queryOptions({ id: flowId }));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/flows">Flows</Link> / {flow.name}
      </p>
      <h1>
        {flow.name} <span className="muted small">version {flow.currentVersion}</span>
      </h1>
      <FlowFileBar flow={flow} />
      <FlowEditor
        key={flow.id}
        flowId={flow.id}
        definition={flow.definition}
        meta={{ name: flow.name, description: flow.description ?? '', enabled: flow.enabled }}
        currentVersion={flow.currentVersion}
      />
      <FlowLimitsPanel key={`limits-${flow.id}`} flow={flow} />
      <BacktestPanel key={`backtest-${flow.id}`} flowId={flow.id} version={flow.currentVersion} />
    </>
  );
}
