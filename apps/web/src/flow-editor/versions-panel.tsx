import { useQuery } from '@tanstack/react-query';

import type { TFlowDefinition } from '@uw/flow-engine';

import { formatDateTime } from '../components/format';
import { Empty, QueryState } from '../components/states';
import { trpc } from '../trpc/client';

type TVersionsPanelProps = { flowId: string; currentVersion: number; onOpen: (definition: TFlowDefinition, version: number) => void };

/** Saved versions, newest first; opening one loads it into the editor (saving it then makes a new version). */
export function VersionsPanel({ flowId, currentVersion, onOpen }: TVersionsPanelProps) {
  const query = useQuery(trpc.flows.versions.queryOptions({ id: flowId }));

  return (
    <section aria-labelledby="versions-title" className="versions">
      <h2 id="versions-title">Versions</h2>
      <QueryState query={query} what="Versions" procedure="flows.versions">
        {(versions) =>
          versions.length === 0 ? (
            <Empty>No version yet.</Empty>
          ) : (
            <ul className="version-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <span>
                    Version {v.version} {v.version === currentVersion && <span className="badge badge-ok">current</span>}
                  </span>
                  <span className="muted small"> {formatDateTime(v.createdAt)}</span>
                  <button type="button" className="button small" onClick={() => onOpen(v.definition, v.version)}>
                    Open version {v.version}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
