/** A JSON Schema as found in an OpenAPI 3.0 document (after `$ref` resolution). */
export type JsonSchema = Record<string, unknown>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export type ParameterLocation = 'path' | 'query' | 'header';

export type OperationParameter = {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
  description: string;
};

export type OperationRequestBody = {
  required: boolean;
  schema: JsonSchema;
  /** `application/json` when the operation accepts it, otherwise the first type it declares. */
  contentType: string;
};

export type OperationResponse = { description: string; schema?: JsonSchema };

export type Operation = {
  operationId: string;
  method: HttpMethod;
  /** The path template as written in the document, e.g. `/v1/workspaces/{workspaceId}/projects`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  deprecated: boolean;
  /** Which base URL the call goes to: the token's `backendUrl` (api) or its `reportsUrl` (reports). */
  host: 'api' | 'reports';
  parameters: OperationParameter[];
  requestBody?: OperationRequestBody;
  responses: Record<string, OperationResponse>;
};

export type Catalogue = {
  operations: Operation[];
  get(operationId: string): Operation | undefined;
  /** Tags that have operations, in the document's declared order, with how many each. */
  tags: { name: string; count: number }[];
  /** Things skipped or patched while indexing (unresolvable refs, cookie parameters…). */
  warnings: string[];
};
