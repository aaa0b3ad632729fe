import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';

import type { TFlowDefinition, TFlowIssue } from '@uw/flow-engine';

import { trpc } from '../trpc/client';
import { errorIssues } from '../trpc/errors';
import type { TFlowMeta } from './flow-document';
import type { TServerIssues } from './use-flow-issues';

type TSaveOptions = { flowId: string | null; onSaved: (definition: TFlowDefinition) => void };

/**
 * Save = flows.create (new, saved disabled) or flows.update (a new version); a refused save keeps the server's
 * issues per node. Saving never changes whether the flow is enabled: the header's Enable / Disable does.
 */
export function useSaveFlow({ flowId, onSaved }: TSaveOptions) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [serverIssues, setServerIssues] = useState<TServerIssues>(null);
  const create = useMutation(trpc.flows.create.mutationOptions());
  const update = useMutation(trpc.flows.update.mutationOptions());
  const active = flowId ? update : create;

  /** `baseVersion`: the saved version the document was opened from, when not the current one (masked headers come from it). */
  const save = (definition: TFlowDefinition, meta: TFlowMeta, baseVersion?: number) => {
    const onError = (err: unknown) => {
      const issues = errorIssues(err).map((i) => ({ severity: 'error', ...i }) as TFlowIssue);
      setServerIssues({ definition, issues });
    };
    const fields = { name: meta.name, description: meta.description || null, definition };
    setServerIssues(null);
    if (!flowId) {
      create.mutate(
        { ...fields, enabled: false },
        {
          onError,
          onSuccess: (flow) => {
            onSaved(definition);
            void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
            void navigate({ to: '/flows/$flowId', params: { flowId: flow.id }, replace: true });
          },
        },
      );

      return;
    }
    update.mutate(
      { id: flowId, data: baseVersion === undefined ? fields : { ...fields, baseVersion } },
      {
        onError,
        onSuccess: () => {
          onSaved(definition);
          void queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
        },
      },
    );
  };

  return { save, serverIssues, isPending: active.isPending, error: active.error, isSuccess: active.isSuccess, reset: active.reset };
}
