import { INTERNAL_EVENTS, type TInternalEvent } from '@uw/flow-engine';

const DESCRIPTIONS: Record<TInternalEvent, string> = {
  EXECUTION_FAILED: 'a flow run failed after its last attempt (a failed run of a flow started by this event raises none)',
  BOOTSTRAP_COMPLETED: 'the workspace data cache finished loading',
  BOOTSTRAP_FAILED: 'loading the workspace data cache failed',
  WEBHOOK_REGISTRATION_FAILED: "Clockify refused to register the add-on's webhooks",
};

/** The add-on's own events, as checkboxes. */
export function InternalEventsPicker({ events, onChange }: { events: readonly string[]; onChange: (events: string[]) => void }) {
  const toggle = (name: string) => onChange(events.includes(name) ? events.filter((e) => e !== name) : [...events, name]);

  return (
    <fieldset>
      <legend>Add-on events ({events.length} chosen)</legend>
      <ul className="event-list">
        {INTERNAL_EVENTS.map((name) => (
          <li key={name}>
            <label>
              <input type="checkbox" checked={events.includes(name)} onChange={() => toggle(name)} /> <code>{name}</code>
              <span className="muted small"> {DESCRIPTIONS[name]}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
