/**
 * The REST surface (`/api/v1`) as a table over tRPC procedures: each route names the procedure it calls and
 * where its input comes from. Handlers call the procedure through a tRPC caller, so authentication, scopes,
 * workspace scoping and validation are exactly tRPC's; the OpenAPI document is built from the same table.
 */
import type { TServiceKeyScope as TKeyScope } from '@uw/db';

export type TProcedurePath =
  | 'webhooks.list'
  | 'webhooks.get'
  | 'webhooks.replay'
  | 'flows.list'
  | 'flows.get'
  | 'flows.create'
  | 'flows.update'
  | 'executions.list'
  | 'executions.get'
  | 'executions.retry';

export type TRestRoute = {
  operationId: string;
  method: 'get' | 'post' | 'patch';
  /** OpenAPI style, relative to `/api/v1`: `/flows/{id}`. Path parameters go to the input's top level. */
  path: string;
  procedure: TProcedurePath;
  summary: string;
  /** The service-key scope the procedure needs (documented; the procedure enforces it). */
  scope: TKeyScope;
  /**
   * Where the JSON body goes: `input` merges it into the input's top level, `data` puts it under the input's
   * `data` key; without it the route takes no body. GET routes read the input's scalar fields from the query.
   */
  body?: 'input' | 'data';
  /** Merged into the input after the request's parts (enable and disable). */
  fixed?: Record<string, unknown>;
  /** The procedure returns a whole array: the route pages it with `limit` and `cursor`. */
  pageArray?: true;
  /** 201 and a `Location` header for routes that create. */
  created?: true;
  /** Failure statuses besides the ones every route has (400, 401, 403, 500, 503). */
  errors: readonly number[];
};

const byId = [404] as const;

export const REST_ROUTES: readonly TRestRoute[] = [
  {
    operationId: 'listWebhooks',
    method: 'get',
    path: '/webhooks',
    procedure: 'webhooks.list',
    scope: 'read',
    errors: [],
    summary: 'Logged webhooks, newest first',
  },
  {
    operationId: 'getWebhook',
    method: 'get',
    path: '/webhooks/{id}',
    procedure: 'webhooks.get',
    scope: 'read',
    errors: byId,
    summary: 'A logged webhook with its payload, headers and executions',
  },
  {
    operationId: 'replayWebhook',
    method: 'post',
    path: '/webhooks/{id}/replay',
    procedure: 'webhooks.replay',
    scope: 'write',
    errors: [404, 409],
    summary: 'Run the flows that match a logged webhook again (current versions)',
  },
  {
    operationId: 'listFlows',
    method: 'get',
    path: '/flows',
    procedure: 'flows.list',
    scope: 'read',
    pageArray: true,
    errors: [],
    summary: 'Flows, newest first (without their documents)',
  },
  {
    operationId: 'getFlow',
    method: 'get',
    path: '/flows/{id}',
    procedure: 'flows.get',
    scope: 'read',
    errors: byId,
    summary: 'A flow with its current document (HTTP header values masked)',
  },
  {
    operationId: 'createFlow',
    method: 'post',
    path: '/flows',
    procedure: 'flows.create',
    scope: 'write',
    body: 'input',
    created: true,
    errors: [413, 415],
    summary: 'Create a flow',
  },
  {
    operationId: 'updateFlow',
    method: 'patch',
    path: '/flows/{id}',
    procedure: 'flows.update',
    scope: 'write',
    body: 'data',
    errors: [404, 409, 413, 415],
    summary: 'Change a flow (a new document makes a new version)',
  },
  {
    operationId: 'enableFlow',
    method: 'post',
    path: '/flows/{id}/enable',
    procedure: 'flows.update',
    scope: 'write',
    fixed: { data: { enabled: true } },
    errors: byId,
    summary: 'Enable a flow',
  },
  {
    operationId: 'disableFlow',
    method: 'post',
    path: '/flows/{id}/disable',
    procedure: 'flows.update',
    scope: 'write',
    fixed: { data: { enabled: false } },
    errors: byId,
    summary: 'Disable a flow',
  },
  {
    operationId: 'listExecutions',
    method: 'get',
    path: '/executions',
    procedure: 'executions.list',
    scope: 'read',
    errors: [],
    summary: 'Executions, newest first',
  },
  {
    operationId: 'getExecution',
    method: 'get',
    path: '/executions/{id}',
    procedure: 'executions.get',
    scope: 'read',
    errors: byId,
    summary: 'An execution and its timeline',
  },
  {
    operationId: 'retryExecution',
    method: 'post',
    path: '/executions/{id}/retry',
    procedure: 'executions.retry',
    scope: 'write',
    body: 'input',
    errors: [404, 409, 413, 415],
    summary: 'Run a finished execution again, from its failed step or from the start',
  },
];

/** The OpenAPI tag of a route: its procedure's domain. */
export const tagOf = (route: TRestRoute) => route.procedure.split('.')[0]!;

/** `/flows/{id}` → `/flows/:id` (Express). */
export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
