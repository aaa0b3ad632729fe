import { useQuery } from '@tanstack/react-query';

import type { TFlowIssue, TFlowTriggerNode, TTriggerSource } from '@uw/flow-engine';

import { trpc } from '../../trpc/client';
import { browserTimeZone } from '../schedule-preview';
import type { TTriggerData } from '../trigger-data';
import { EventPicker } from './event-picker';
import { FieldIssues } from './field-issues';
import { InternalEventsPicker } from './internal-events-picker';
import { ScheduleFields } from './schedule-fields';

type TTriggerPanelProps = { node: TFlowTriggerNode; onChange: (node: TFlowTriggerNode) => void; issues: readonly TFlowIssue[] };

const SOURCES: { source: TTriggerSource; label: string }[] = [
  { source: 'clockify', label: 'Clockify events' },
  { source: 'custom', label: 'A custom webhook source' },
  { source: 'schedule', label: 'A schedule' },
  { source: 'manual', label: 'Manual runs only' },
  { source: 'internal', label: "The add-on's own events" },
];

/** What a trigger starts as when its source is picked: a schedule in the browser's zone, Mondays at 9:00. */
function freshData(source: TTriggerSource, firstSourceId: string): TTriggerData {
  switch (source) {
    case 'clockify':
      return { source, events: [] };
    case 'custom':
      return { source, sourceId: firstSourceId };
    case 'schedule':
      return { source, cron: '0 9 * * 1', timezone: browserTimeZone() };
    case 'manual':
      return { source };
    case 'internal':
      return { source, events: ['EXECUTION_FAILED'] };
  }
}

function CustomSourcePicker({ sourceId, onChange }: { sourceId: string; onChange: (sourceId: string) => void }) {
  const sources = useQuery(trpc.sources.list.queryOptions());

  return (
    <label className="block">
      Custom source
      <select value={sourceId} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a source…</option>
        {(sources.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {sources.data?.length === 0 && <span className="muted small"> No custom source yet: create one in Settings.</span>}
    </label>
  );
}

function SourceFields({ data, set, issues }: { data: TTriggerData; set: (data: TTriggerData) => void; issues: readonly TFlowIssue[] }) {
  switch (data.source) {
    case 'clockify':
      return <EventPicker events={data.events} onChange={(events) => set({ source: 'clockify', events })} />;
    case 'custom':
      return <CustomSourcePicker sourceId={data.sourceId} onChange={(sourceId) => set({ source: 'custom', sourceId })} />;
    case 'schedule':
      return <ScheduleFields value={data} onChange={(v) => set({ ...v, source: 'schedule' })} issues={issues} />;
    case 'manual':
      return (
        <p className="muted small">
          Runs only when started: with <strong>Run now</strong> once the flow is saved, or by <code>flows.run</code> from the API.
        </p>
      );
    case 'internal':
      return <InternalEventsPicker events={data.events} onChange={(events) => set({ source: 'internal', events })} />;
  }
}

export function TriggerPanel({ node, onChange, issues }: TTriggerPanelProps) {
  const sources = useQuery(trpc.sources.list.queryOptions());
  const set = (data: TTriggerData) => onChange({ ...node, data });
  const shown = new Set(['data.cron', 'data.timezone']);

  return (
    <>
      <fieldset className="choice-list">
        <legend>Source</legend>
        {SOURCES.map((s) => (
          <label key={s.source}>
            <input
              type="radio"
              name="trigger-source"
              checked={node.data.source === s.source}
              onChange={() => set(freshData(s.source, sources.data?.[0]?.id ?? ''))}
            />{' '}
            {s.label}
          </label>
        ))}
      </fieldset>
      <SourceFields data={node.data} set={set} issues={issues} />
      <FieldIssues
        issues={issues.filter((i) => i.field?.startsWith('data.') && !(node.data.source === 'schedule' && shown.has(i.field)))}
      />
    </>
  );
}
