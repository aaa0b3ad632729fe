import type { TRouterOutputs } from '../../../trpc/types';

export type TDocumentIssue = TRouterOutputs['flows']['checkImport']['errors'][number];

/** Problems or warnings of an uploaded document, each with its path in the file. */
export function DocumentIssues({ title, issues, tone }: { title: string; issues: TDocumentIssue[]; tone: 'error' | 'warning' }) {
  if (issues.length === 0) return null;

  return (
    <section className={`document-issues ${tone}`} aria-label={title}>
      <h3 className={tone === 'error' ? 'error-text' : 'warning-text'}>
        {title} ({issues.length})
      </h3>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.path}-${issue.code}-${i}`}>
            <code>{issue.path}</code> {issue.message} <span className="muted small">{issue.code}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
