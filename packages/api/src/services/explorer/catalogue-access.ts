import type { TCatalogue, TOperation } from '@uw/clockify';

import type { TApiDeps } from '../../deps';
import { OperationalError, UserError } from '../../errors';

export const CATALOGUE_HINT =
  "Clockify's API catalogue is not loaded. Run `npm run openapi:sync` (or set UW_CLOCKIFY_OPENAPI to a copy of the document) and restart the server.";

/** Why the catalogue is missing, with how to sync it. */
export function catalogueReason(deps: TApiDeps): string {
  const error = deps.catalogue.error();

  return error ? (/openapi:sync/.test(error) ? error : `${error}. ${CATALOGUE_HINT}`) : CATALOGUE_HINT;
}

export function requireCatalogue(deps: TApiDeps): TCatalogue {
  const catalogue = deps.catalogue.get();
  if (!catalogue) {
    throw new OperationalError('SERVICE_UNAVAILABLE', catalogueReason(deps));
  }

  return catalogue;
}

export function requireOperation(deps: TApiDeps, operationId: string): TOperation {
  const op = requireCatalogue(deps).get(operationId);
  if (!op) {
    const problem = `unknown Clockify operation "${operationId}"`;
    throw new UserError('VALIDATION_FAILED', `${problem} (explorer.endpoints lists them)`, { problems: [problem] });
  }

  return op;
}
