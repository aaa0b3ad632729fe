import type { TClockifyClient } from '@uw/clockify';
import { flowRunQueries, type TInstallation } from '@uw/db';
import type { TFlowDefinition } from '@uw/flow-engine';

import type { TApiDeps } from '../../deps';
import { clockifyFor } from '../installations/clockify-for';

/** What running executions reuse across runs. One per runtime (built by `createRuntime`), never a module global. */
export type TExecutionCaches = {
  /** A flow version's definition: versions are immutable, so one read serves every later run of it. */
  definition(workspaceId: string, versionId: string): Promise<TFlowDefinition | null>;
  /**
   * The installation's Clockify client for flow steps (no retries inside it: the queue retries). Kept per
   * cached installation object, so executions of one workspace share it and its token is decrypted once;
   * a changed installation is a new object and gets a new client.
   */
  clockify(installation: TInstallation): TClockifyClient;
};

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export function createExecutionCaches(deps: TApiDeps, opts: { maxDefinitions?: number } = {}): TExecutionCaches {
  const maxDefinitions = opts.maxDefinitions ?? 5_000;
  const definitions = new Map<string, TFlowDefinition>();
  const clients = new WeakMap<TInstallation, TClockifyClient>();

  return {
    async definition(workspaceId, versionId) {
      const cached = definitions.get(versionId);
      if (cached) return cached;
      const stored = await flowRunQueries.findVersionDefinition(deps.db, workspaceId, versionId);
      if (stored === undefined) return null;
      const definition = parse(stored) as TFlowDefinition;
      if (definitions.size >= maxDefinitions) definitions.clear();
      definitions.set(versionId, definition);

      return definition;
    },
    clockify(installation) {
      let client = clients.get(installation);
      if (!client) clients.set(installation, (client = clockifyFor(deps, installation, { maxAttempts: 0 })));

      return client;
    },
  };
}
