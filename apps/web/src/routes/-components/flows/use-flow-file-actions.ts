import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { trpc } from '../../../trpc/client';
import { downloadJson, flowFileName } from './flow-file';

type TFlowRef = { id: string; name: string };

/** Download (flows.export → a .json file) and Duplicate (flows.duplicate) for one flow at a time. */
export function useFlowFileActions(opts: { onDuplicated?: (copy: { id: string; name: string }) => void } = {}) {
  const queryClient = useQueryClient();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: (copy) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        opts.onDuplicated?.(copy);
      },
    }),
  );

  async function download(flow: TFlowRef) {
    setDownloading(flow.id);
    setDownloadError(null);
    try {
      const document = await queryClient.fetchQuery({ ...trpc.flows.export.queryOptions({ id: flow.id }), staleTime: 0 });
      downloadJson(flowFileName(flow.name), document);
    } catch (err) {
      setDownloadError(err);
    } finally {
      setDownloading(null);
    }
  }

  return {
    download: (flow: TFlowRef) => void download(flow),
    downloading,
    duplicate: (flow: TFlowRef) => duplicate.mutate({ id: flow.id }),
    duplicating: duplicate.isPending ? (duplicate.variables?.id ?? null) : null,
    error: downloadError ?? duplicate.error,
  };
}
