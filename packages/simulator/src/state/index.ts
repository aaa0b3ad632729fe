export { createStore, type TSeedOptions, type TStore } from './store';
export type { TWorkspaceSeed } from './seed';
export type * from './types';
export type { TInstallation, TWebhookRecord, TWorkspace, TWorkspaceData } from './workspace-data';
