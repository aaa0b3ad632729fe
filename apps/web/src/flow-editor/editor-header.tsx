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

export function EditorHeader({ meta, onMeta, dirty, errorCount, canEdit, saving, testing, onSave, onTest }: TEditorHeaderProps) {
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
      <label className="checkbox">
        <input type="checkbox" checked={meta.enabled} onChange={(e) => onMeta({ enabled: e.target.checked })} disabled={!canEdit} /> Enabled
      </label>
      <div className="editor-actions">
        <span role="status" className="muted small">
          {errorCount > 0 ? `${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} to fix` : 'No problems found'}
          {dirty ? ' · unsaved changes' : ''}
        </span>
        {canEdit && (
          <>
            <button type="button" className="button" onClick={onTest} disabled={testing}>
              {testing ? 'Testing…' : 'Test run'}
            </button>
            <button type="button" className="button primary" onClick={onSave} disabled={saving || errorCount > 0 || !meta.name.trim()}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
