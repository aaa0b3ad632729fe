import type { TMakeContext } from '../state/make-context';
import type { TWorkspaceData } from '../state/workspace-data';

/** Builds the webhook body of one event from the workspace, changing the workspace the way the event says. */
export type TBodyContext = { ctx: TMakeContext; ws: TWorkspaceData };
export type TBodyBuilder = (c: TBodyContext) => Record<string, unknown>;
