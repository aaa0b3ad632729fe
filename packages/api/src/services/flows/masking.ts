import { HEADER_VALUE_MASK, isMaskedHeader, restoreMaskedHeaders, type TFlowDefinition } from '@uw/flow-engine';

import { UserError } from '../../errors';

export { maskHttpHeaders as showDefinition } from '@uw/flow-engine';

/**
 * HTTP-action header values often carry credentials, and until they move to the secret store they are
 * never sent out: documents are shown with `"••••"` in their place (`showDefinition`). A document sent
 * back with a value still masked keeps the value stored under the same node and header name; a masked
 * value with nothing behind it (a new node or header) is refused rather than stored.
 */
export async function resolveMaskedHeaders(
  next: TFlowDefinition,
  loadStored: () => Promise<TFlowDefinition | null>,
): Promise<TFlowDefinition> {
  const masked = next.nodes.some((n) => n.kind === 'http' && Object.values(n.data.headers).some(isMaskedHeader));
  if (!masked) {
    return next;
  }
  const { definition, unresolved } = restoreMaskedHeaders(next, await loadStored());
  if (unresolved.length > 0) {
    const issues = unresolved.map(({ nodeId, header }) => ({
      nodeId,
      field: `data.headers.${header}`,
      code: 'MASKED_HEADER',
      severity: 'error',
      message: `header "${header}" still holds the mask "${HEADER_VALUE_MASK}" and no value is stored for it: write its value`,
    }));
    throw new UserError('VALIDATION_FAILED', issues.map((i) => `${i.nodeId}: ${i.message}`).join('; '), { issues });
  }

  return definition;
}

/** A recorded or would-be HTTP request with its header values masked (names kept); other steps as they are. */
export function showStepRequest(kind: string, request: unknown): unknown {
  if (kind !== 'http' || !request || typeof request !== 'object') {
    return request;
  }
  const headers = (request as { headers?: unknown }).headers;
  if (!headers || typeof headers !== 'object') {
    return request;
  }

  return { ...request, headers: Object.fromEntries(Object.keys(headers).map((name) => [name, HEADER_VALUE_MASK])) };
}

type TShownRequest = { kind: string; request?: unknown };

/** A dry run's would-be requests and step records with HTTP header values masked. */
export function showDryRun<T extends { outcome: object; steps: unknown[] }>(result: T): T {
  const show = <R>(entry: R): R => {
    const { kind, request } = entry as TShownRequest;

    return request === undefined ? entry : { ...entry, request: showStepRequest(kind, request) };
  };
  const outcome = result.outcome as { dryRunRequests?: unknown[] };

  return {
    ...result,
    outcome: outcome.dryRunRequests ? { ...outcome, dryRunRequests: outcome.dryRunRequests.map(show) } : outcome,
    steps: result.steps.map(show),
  };
}
