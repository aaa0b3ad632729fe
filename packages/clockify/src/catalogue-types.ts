/** A JSON Schema as found in an OpenAPI 3.0 document (after `$ref` resolution). */
export type TJsonSchema = Record<string, unknown>;

/**
 * The methods an operation of Clockify's OpenAPI document can have (its path items' keys). Not the methods a
 * flow's HTTP action may send: that is `THttpMethod` in @uw/flow-engine, a narrower set the editor offers.
 */
export type TOperationMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export type TParameterLocation = 'path' | 'query' | 'header';

export type TOperationParameter = {
  name: string;
  in: TParameterLocation;
  required: boolean;
  schema: TJsonSchema;
  description: string;
};

export type TOperationRequestBody = {
  required: boolean;
  schema: TJsonSchema;
  /** `application/json` when the operation accepts it, otherwise the first type it declares. */
  contentType: string;
};

export type TOperationResponse = { description: string; schema?: TJsonSchema };

export type TOperation = {
  operationId: string;
  method: TOperationMethod;
  /** The path template as written in the document, e.g. `/v1/workspaces/{workspaceId}/projects`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  deprecated: boolean;
  /** Which base URL the call goes to: the token's `backendUrl` (api) or its `reportsUrl` (reports). */
  host: 'api' | 'reports';
  parameters: TOperationParameter[];
  requestBody?: TOperationRequestBody;
  responses: Record<string, TOperationResponse>;
};

export type TCatalogue = {
  operations: TOperation[];
  get(operationId: string): TOperation | undefined;
  /** Tags that have operations, in the document's declared order, with how many each. */
  tags: { name: string; count: number }[];
  /** Things skipped or patched while indexing (unresolvable refs, cookie parameters…). */
  warnings: string[];
};
