import type { bootstrapStateQueries } from '@uw/db';

/**
 * One operation of a bootstrap plan, included or left out, with the reason either way. The plan is stored
 * in the state row as it was when the run started, so a resumed run walks the same steps.
 */
export type TPlanStep = {
  operationId: string;
  path: string;
  host: 'api' | 'reports';
  /** The cache's entity type for the items this operation returns (`project`, `time_entry`…). */
  entityType: string;
  included: boolean;
  /** Why the step is in the plan, or why it was left out. */
  reason: string;
  heavy: boolean;
  /** Path parameters other than workspaceId (per-user steps: `userId`). */
  pathParams?: Record<string, string>;
  /** Query values every page sends: defaults of required parameters, the time window. */
  query?: Record<string, string | number | boolean>;
  /** The page-size parameter (`page-size` or `pageSize`) when the operation pages with `page`. */
  pageSizeParam?: string;
  /** The schema's maximum page size, when it declares one. */
  maxPageSize?: number;
  /** A placeholder the runner replaces with one step per cached user when it reaches it. */
  perUser?: boolean;
  /**
   * A placeholder the runner replaces with one step per cached entity of `entityType` (the parent listing,
   * earlier in the plan), its id as path parameter `param`: the tasks of every project.
   */
  perParent?: { param: string; entityType: string };
};

export type TBootstrapError = bootstrapStateQueries.TBootstrapError;
export type TBootstrapCursor = bootstrapStateQueries.TBootstrapCursor;

/** The state row as the services read it (numbers, parsed JSON). */
export type TBootstrapRow = bootstrapStateQueries.TBootstrapState<TPlanStep>;
