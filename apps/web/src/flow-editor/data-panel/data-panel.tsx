import { useDataContext } from './data-context';
import { DataTree } from './data-tree';

const SOURCE_NOTE = {
  'test run': 'from the last test run',
  'response schema': 'shaped from the response schema (not run yet)',
  'not run': 'not run yet: test the flow to see its output',
} as const;

/**
 * The data the selected node can use (as n8n's input panel): the trigger's payload and each earlier step's
 * output, as trees with types. Clicking a field inserts its path into the last focused field.
 */
export function DataPanel() {
  const ctx = useDataContext();
  if (!ctx) return null;
  const { available, target } = ctx;
  const pick = (path: string) => target?.insert(path);

  return (
    <section className="data-panel" aria-labelledby="data-panel-title">
      <h2 id="data-panel-title">Data</h2>
      <p className="muted small" role="status">
        {target ? (
          <>
            Click a field to insert it into <strong>{target.label}</strong> (or drag it onto a field).
          </>
        ) : (
          'Click into a field of this node, then click a field here to insert its path.'
        )}
      </p>
      <h3 className="data-heading">
        Trigger <code>payload</code>
      </h3>
      {available.payloadSource ? (
        <>
          <p className="muted small">{available.payloadSource}</p>
          <DataTree label="Trigger payload" path={['payload']} value={available.data.payload} onPick={pick} />
        </>
      ) : (
        <p className="muted small">No sample: choose the trigger's event, or a logged event under “Test event”.</p>
      )}
      {available.inLoop && (
        <p className="small">
          Inside a loop:{' '}
          <button type="button" className="button small" onClick={() => pick('$item')} aria-label="Insert $item">
            $item
          </button>{' '}
          <button type="button" className="button small" onClick={() => pick('$index')} aria-label="Insert $index">
            $index
          </button>
        </p>
      )}
      {available.steps.map((s) => (
        <div key={s.id}>
          <h3 className="data-heading">
            {s.label} <code>steps.{s.id}</code>
          </h3>
          <p className="muted small">{SOURCE_NOTE[s.source]}</p>
          {s.source !== 'not run' && (
            <DataTree
              label={`Output of ${s.label}`}
              path={['steps', s.id]}
              value={available.data.steps && (available.data.steps as Record<string, unknown>)[s.id]}
              onPick={pick}
            />
          )}
        </div>
      ))}
    </section>
  );
}
