export { createClient, type TClient, type TClientOptions } from './client';
export type { AppRouter, TRouterInputs, TRouterOutputs } from './types';
