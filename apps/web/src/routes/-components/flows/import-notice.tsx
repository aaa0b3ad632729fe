import { Link } from '@tanstack/react-router';

import { DocumentIssues } from './document-issues';
import type { TImportResult } from './import-flow-dialog';

/** What an upload created (disabled), with the warnings to act on before enabling it. */
export function ImportNotice({ result, onDismiss }: { result: TImportResult; onDismiss: () => void }) {
  return (
    <div className="state import-notice" role="status">
      <p>
        Imported{' '}
        <Link to="/flows/$flowId" params={{ flowId: result.flow.id }}>
          {result.flow.name}
        </Link>{' '}
        (disabled).{' '}
        {result.warnings.length === 0
          ? 'Nothing to check.'
          : `${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'} to check before enabling it.`}{' '}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
      <DocumentIssues title="Warnings" issues={result.warnings} tone="warning" />
    </div>
  );
}
