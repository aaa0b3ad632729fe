import { useMemo } from 'react';

import type { TFlowIssue } from '@uw/flow-engine';

import { formatFireTime, nextFireTimes, timeZones } from '../schedule-preview';
import { FieldIssues } from './field-issues';

type TSchedule = { cron?: string; timezone?: string };
type TScheduleFieldsProps = { value: TSchedule; onChange: (value: TSchedule) => void; issues: readonly TFlowIssue[] };

/** The server's zone for a schedule saved without one. */
const SERVER_DEFAULT_ZONE = 'UTC';
const EXAMPLES = [
  ['0 9 * * 1', 'Mondays at 9:00'],
  ['0 * * * *', 'every hour'],
  ['*/15 * * * *', 'every 15 minutes'],
  ['30 17 * * 1-5', 'weekdays at 17:30'],
  ['0 6 1 * *', 'the 1st of each month at 6:00'],
] as const;

function NextFires({ cron, timeZone }: { cron: string; timeZone: string }) {
  // Minute precision: the list stays put while the admin types.
  const minute = Math.floor(Date.now() / 60_000);
  const preview = useMemo(() => nextFireTimes({ cron, timeZone }, new Date(minute * 60_000)), [cron, timeZone, minute]);
  if (!cron.trim() || !preview.ok) return null;

  return (
    <div className="schedule-preview" aria-label="Next runs">
      <span className="field-label">Next runs</span>
      {preview.times.length === 0 ? (
        <p className="muted small">Never.</p>
      ) : (
        <ol>
          {preview.times.map((t) => (
            <li key={t.getTime()}>{formatFireTime(t, timeZone)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** A schedule trigger: a 5-field cron, its IANA time zone, and the next times it fires. */
export function ScheduleFields({ value, onChange, issues }: TScheduleFieldsProps) {
  const zones = useMemo(() => timeZones(), []);
  const cron = value.cron ?? '';
  const zone = value.timezone ?? SERVER_DEFAULT_ZONE;

  return (
    <>
      <label className="block">
        Cron (minute hour day-of-month month day-of-week)
        <input
          value={cron}
          onChange={(e) => onChange({ ...value, cron: e.target.value })}
          list="cron-examples"
          spellCheck={false}
          placeholder="0 9 * * 1"
        />
        <datalist id="cron-examples">
          {EXAMPLES.map(([c, text]) => (
            <option key={c} value={c}>
              {text}
            </option>
          ))}
        </datalist>
      </label>
      <FieldIssues issues={issues.filter((i) => i.field === 'data.cron')} />
      <label className="block">
        Time zone
        <select value={value.timezone ?? ''} onChange={(e) => onChange({ ...value, timezone: e.target.value || undefined })}>
          {value.timezone === undefined && <option value="">UTC (the server's default)</option>}
          {value.timezone !== undefined && !zones.includes(value.timezone) && <option value={value.timezone}>{value.timezone}</option>}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <FieldIssues issues={issues.filter((i) => i.field === 'data.timezone')} />
      <NextFires cron={cron} timeZone={zone} />
      <p className="muted small">A tick missed while the add-on was down runs once when it is back, not once per missed tick.</p>
    </>
  );
}
