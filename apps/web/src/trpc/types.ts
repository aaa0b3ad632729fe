import type { TRouterOutputs } from '@uw/client';

export type { TRouterInputs, TRouterOutputs } from '@uw/client';
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
export type TDashboard = TRouterOutputs['dashboard']['get'];
export type TEventTypeInfo = TRouterOutputs['meta']['eventTypes'][number];
export type TFlowTemplateView = TRouterOutputs['meta']['templates'][number];
export type TEndpoints = TRouterOutputs['explorer']['endpoints'];
export type TEndpointSummary = TEndpoints['tags'][number]['operations'][number];
/** A summary with its tag (the UI filters one flat list). */
export type TOperationSummary = TEndpointSummary & { tag: string };
export type TOperation = TRouterOutputs['explorer']['operation'];
export type TOperationParameter = TOperation['parameters'][number];
export type TExecuteResponse = TRouterOutputs['explorer']['execute'];
export type THistoryItem = TRouterOutputs['explorer']['history']['items'][number];
