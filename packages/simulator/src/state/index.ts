export { createStore, type SeedOptions, type Store } from './store';
export type { WorkspaceSeed } from './seed';
export type * from './types';
export type { Installation, WebhookRecord, Workspace, WorkspaceData } from './workspace-data';
