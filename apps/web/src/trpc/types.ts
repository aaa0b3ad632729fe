import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@uw/api';

export type TRouterInputs = inferRouterInputs<AppRouter>;
export type TRouterOutputs = inferRouterOutputs<AppRouter>;
export type TWebhookSummary = TRouterOutputs['webhooks']['list']['items'][number];
export type TWebhookDetail = TRouterOutputs['webhooks']['get'];
export type TSourceView = TRouterOutputs['sources']['list'][number];
export type TExecutionSummary = TRouterOutputs['executions']['list']['items'][number];
export type TExecutionDetail = TRouterOutputs['executions']['get'];
export type TExecutionStep = TExecutionDetail['steps'][number];
export type TFlowSummary = TRouterOutputs['flows']['list'][number];
export type TFlowTestResult = TRouterOutputs['flows']['test'];
export type TBootstrapView = TRouterOutputs['bootstrap']['status'];
export type TCacheCount = TRouterOutputs['cache']['counts'][number];
