import { CODE_TO_HTTP } from '@uw/api';

import { bodySchemaOf, inputSchemaOf, querySchemaOf, responseSchemaOf, toJsonSchema, type TJsonSchema } from './procedure-schemas';
import { pathParams, REST_ROUTES, tagOf, type TRestRoute } from './route-table';

const JSON_TYPE = 'application/json';
/** Failures every route can answer with; each route adds its own (`errors`). */
const COMMON_ERRORS = [400, 401, 403, 500, 503] as const;
const ERROR_MEANING: Record<number, string> = {
  400: 'the input is not valid (VALIDATION_FAILED names each field), or an unknown query parameter',
  401: 'no service key, or an unknown, revoked or expired one',
  403: "the key's scope does not cover this route",
  404: 'nothing with this id in the workspace',
  409: 'the current state does not allow it',
  413: 'the body is larger than UW_MAX_BODY_BYTES',
  415: 'the body is not JSON',
  500: 'an unexpected error (logged)',
  503: 'the database is briefly unavailable: retry after Retry-After seconds',
};

const ERROR_SCHEMA: TJsonSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: { code: { type: 'string', enum: Object.keys(CODE_TO_HTTP) }, message: { type: 'string' } },
    },
  },
};

/**
 * The OpenAPI 3.1 document of `/api/v1`, built from the route table and the zod input and output schemas of the
 * procedures the routes call (converted with zod's JSON Schema, draft 2020-12 as OpenAPI 3.1 takes it). The
 * server URL is added when it is served.
 */
export function buildOpenApiDocument() {
  const schemas: Record<string, TJsonSchema> = { Error: ERROR_SCHEMA };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of REST_ROUTES) {
    paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route, schemas) };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Universal Webhook REST API',
      version: '1',
      description:
        'Webhooks, flows and executions of one workspace, for callers that do not use the tRPC client. ' +
        'Authenticate with a service key: `Authorization: Bearer uwk_…`. Errors are `{ "error": { "code", "message" } }`.',
    },
    tags: [
      { name: 'webhooks', description: 'The webhook audit log' },
      { name: 'flows', description: 'Flows and their documents' },
      { name: 'executions', description: 'Flow executions and their timelines' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        serviceKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'uwk_…',
          description: 'A service key (keys.create or Settings → Service keys)',
        },
      },
    },
    security: [{ serviceKey: [] }],
  };
}

function operationOf(route: TRestRoute, schemas: Record<string, TJsonSchema>) {
  const params = pathParams(route.path);
  const body = bodySchemaOf(route, params);
  const name = route.operationId[0]!.toUpperCase() + route.operationId.slice(1);
  const success = route.created ? 201 : 200;

  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `Needs a service key with the \`${route.scope}\` scope or a wider one. Runs the tRPC procedure \`${route.procedure}\`.`,
    tags: [tagOf(route)],
    'x-required-scope': route.scope,
    parameters: [...pathParameters(route, params), ...queryParameters(route, params)],
    ...(body
      ? {
          requestBody: {
            required: (body.required ?? []).length > 0,
            content: { [JSON_TYPE]: { schema: hoist(body, `${name}Request`, schemas) } },
          },
        }
      : {}),
    responses: {
      [success]: successOf(route, schemas, name),
      ...Object.fromEntries(
        [...COMMON_ERRORS, ...route.errors]
          .sort((a, b) => a - b)
          .map((s) => [s, { description: ERROR_MEANING[s], content: { [JSON_TYPE]: { schema: { $ref: '#/components/schemas/Error' } } } }]),
      ),
    },
  };
}

function successOf(route: TRestRoute, schemas: Record<string, TJsonSchema>, name: string) {
  const output = responseSchemaOf(route);
  if (!output)
    return {
      description: `${route.summary} (not described: ${route.procedure} has no output schema)`,
      content: { [JSON_TYPE]: { schema: {} } },
    };

  return {
    description: route.summary,
    content: { [JSON_TYPE]: { schema: hoist(toJsonSchema(output, 'output'), `${name}Response`, schemas) } },
  };
}

function pathParameters(route: TRestRoute, params: readonly string[]) {
  const input = inputSchemaOf(route.procedure);
  const properties = input ? (toJsonSchema(input, 'input').properties ?? {}) : {};

  return params.map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }));
}

function queryParameters(route: TRestRoute, params: readonly string[]) {
  const query = querySchemaOf(route, params);
  const required = new Set(query?.required ?? []);

  return Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

/**
 * Moves a schema's `$defs` (zod's recursive or repeated parts) into `components.schemas`: inside an OpenAPI
 * document `#/$defs/…` would point at the document's root.
 */
function hoist(schema: TJsonSchema, name: string, schemas: Record<string, TJsonSchema>): TJsonSchema {
  const { $defs, ...rest } = schema as TJsonSchema & { $defs?: Record<string, TJsonSchema> };
  let text = JSON.stringify(rest);
  const defs = Object.entries($defs ?? {});
  for (const [key] of defs) text = text.split(`"#/$defs/${key}"`).join(`"#/components/schemas/${name}_${key}"`);
  for (const [key, def] of defs) {
    let defText = JSON.stringify(def);
    for (const [other] of defs) defText = defText.split(`"#/$defs/${other}"`).join(`"#/components/schemas/${name}_${other}"`);
    schemas[`${name}_${key}`] = JSON.parse(defText) as TJsonSchema;
  }
  if (/"\$ref":"#(\/\$defs\/[^"]*)?"/.test(text))
    throw new Error(`${name}: a self-reference zod left in place cannot be placed in the document`);

  return JSON.parse(text) as TJsonSchema;
}
