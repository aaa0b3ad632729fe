import type { MakeContext } from '../state/make-context';
import type { WorkspaceData } from '../state/workspace-data';

/** Builds the webhook body of one event from the workspace, changing the workspace the way the event says. */
export type BodyContext = { ctx: MakeContext; ws: WorkspaceData };
export type BodyBuilder = (c: BodyContext) => Record<string, unknown>;
