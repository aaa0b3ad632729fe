import type { TFlowIssue } from '@uw/flow-engine';

/** A field's issues under it: errors in red, warnings in amber. */
export function FieldIssues({ issues }: { issues: readonly TFlowIssue[] }) {
  return (
    <>
      {issues.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'error-text small' : 'warning-text small'}>
          {i.message}
        </p>
      ))}
    </>
  );
}
