import { useState } from 'react';

import { EnableControl } from './editor-enable';
import type { TFlowMeta } from './flow-document';

type TEditorHeaderProps = {
  meta: TFlowMeta;
  onMeta: (patch: Partial<TFlowMeta>) => void;
  dirty: boolean;
  errorCount: number;
  canEdit: boolean;
  saving: boolean;
  testing: boolean;
  onSave: () => void;
  onTest: () => void;
};

/** Name, description, the flow's state (saved disabled; Test, then Enable) and the Test run / Save actions. */
export function EditorHeader({ meta, onMeta, dirty, errorCount, canEdit, saving, testing, onSave, onTest }: TEditorHeaderProps) {
  const [tested, setTested] = useState(false);
  const test = () => {
    setTested(true);
    onTest();
  };

  return (
    <div className="editor-header">
      <label className="flow-name">
        Flow name
        <input
          value={meta.name}
          onChange={(e) => onMeta({ name: e.target.value })}
          maxLength={200}
          required
          readOnly={!canEdit}
          placeholder="e.g. Tag entries without a project"
        />
      </label>
      <label className="flow-description">
        Description
        <input value={meta.description} onChange={(e) => onMeta({ description: e.target.value })} maxLength={2000} readOnly={!canEdit} />
      </label>
      <div className="editor-actions">
        <span role="status" className="muted small">
          {errorCount > 0 ? `${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to fix` : 'No problems found'}
          {dirty ? ' · unsaved changes' : ''}
        </span>
        {canEdit && (
          <>
            <button type="button" className="button" onClick={test} disabled={testing}>
              {testing ? 'Testing…' : 'Test run'}
            </button>
            <button type="button" className="button primary" onClick={onSave} disabled={saving || errorCount > 0 || !meta.name.trim()}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </>
        )}
        <EnableControl canEdit={canEdit} dirty={dirty} tested={tested} onTest={test} />
      </div>
    </div>
  );
}
