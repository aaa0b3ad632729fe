import { useQuery } from '@tanstack/react-query';

import { Loading } from '../../../components/states';
import { trpc } from '../../../trpc/client';
import { errorMessage } from '../../../trpc/errors';
import { lineDiff, withContext } from './line-diff';

const SIGN = { same: ' ', add: '+', del: '-' } as const;

/** What one flow save changed: the definitions of versions `from` and `to`, as a line diff of their JSON. */
export function VersionDiff({ flowId, from, to }: { flowId: string; from: number; to: number }) {
  const versions = useQuery(trpc.flows.versions.queryOptions({ id: flowId }));
  if (versions.isPending) return <Loading label="Loading versions…" />;
  if (versions.isError) return <p className="muted">The versions are not available: {errorMessage(versions.error)}</p>;
  const before = versions.data.find((v) => v.version === from);
  const after = versions.data.find((v) => v.version === to);
  if (!before || !after) return <p className="muted">Version {before ? to : from} is no longer stored.</p>;
  const diff = lineDiff(JSON.stringify(before.definition, null, 2), JSON.stringify(after.definition, null, 2));
  if (!diff) return <p className="muted">The definitions are too large to compare here.</p>;
  if (diff.every((l) => l.op === 'same')) return <p className="muted">The definition did not change.</p>;

  return (
    <pre className="diff" aria-label={`changes from version ${from} to version ${to}`}>
      {withContext(diff).map((l, k) =>
        l.op === 'gap' ? (
          <span key={k} className="diff-gap">
            {`  … ${l.count} unchanged line${l.count === 1 ? '' : 's'}\n`}
          </span>
        ) : (
          <span key={k} className={`diff-${l.op}`}>{`${SIGN[l.op]} ${l.text}\n`}</span>
        ),
      )}
    </pre>
  );
}
