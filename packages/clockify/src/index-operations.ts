import type {
  TOperationMethod,
  TJsonSchema,
  TOperation,
  TOperationParameter,
  TOperationRequestBody,
  TOperationResponse,
} from './catalogue-types';

type TObj = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
const asObj = (v: unknown): TObj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as TObj) : {});
const asStr = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `reports` when the server is Clockify's reports host (`reports.api…` or a regional `…/report`), else `api`. */
export function hostOfServers(servers: unknown): 'api' | 'reports' {
  const url = asStr(asObj(Array.isArray(servers) ? servers[0] : undefined).url);
  if (!url) return 'api';
  const { hostname, pathname } = new URL(url, 'https://placeholder.invalid');

  return /^reports?\./i.test(hostname) || /\/reports?(\/|$)/i.test(pathname) ? 'reports' : 'api';
}

/** Picks the JSON media type of a `content` map: `application/json`, then any `*+json` or `*\/*`. */
function jsonMedia(content: TObj): { type: string; media: TObj } | undefined {
  const types = Object.keys(content);
  const type =
    types.find((t) => t.split(';')[0]!.trim() === 'application/json') ??
    types.find((t) => /\+json\b/.test(t)) ??
    types.find((t) => t === '*/*');

  return type === undefined ? undefined : { type, media: asObj(content[type]) };
}

function toParameter(raw: unknown, where: string, warn: (m: string) => void): TOperationParameter | undefined {
  const p = asObj(raw);
  const location = p.in;
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    warn(`${where}: parameter "${asStr(p.name)}" in ${String(location)} is not supported and was skipped`);

    return undefined;
  }
  const schema = (p.schema ?? jsonMedia(asObj(p.content))?.media.schema ?? {}) as TJsonSchema;

  return {
    name: asStr(p.name),
    in: location,
    required: location === 'path' ? true : p.required === true,
    schema,
    description: asStr(p.description) || asStr(schema.description),
  };
}

/** Path-level parameters first, then the operation's, which win on the same (name, in). */
function mergeParameters(levels: { pathLevel: unknown; opLevel: unknown }, where: string, warn: (m: string) => void) {
  const { pathLevel, opLevel } = levels;
  const byKey = new Map<string, TOperationParameter>();
  for (const list of [pathLevel, opLevel]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const param = toParameter(raw, where, warn);
      if (param) byKey.set(`${param.in}:${param.name}`, param);
    }
  }

  return [...byKey.values()];
}

function toRequestBody(raw: unknown): TOperationRequestBody | undefined {
  if (raw === undefined) return undefined;
  const body = asObj(raw);
  const content = asObj(body.content);
  const picked = jsonMedia(content);
  const contentType = picked?.type === '*/*' ? 'application/json' : (picked?.type ?? Object.keys(content)[0] ?? 'application/json');
  const media = picked?.media ?? asObj(content[contentType]);

  return { required: body.required === true, schema: asObj(media.schema), contentType };
}

function toResponses(raw: unknown): Record<string, TOperationResponse> {
  const out: Record<string, TOperationResponse> = {};
  for (const [code, value] of Object.entries(asObj(raw))) {
    const res = asObj(value);
    const schema = jsonMedia(asObj(res.content))?.media.schema;
    out[code] =
      schema === undefined ? { description: asStr(res.description) } : { description: asStr(res.description), schema: asObj(schema) };
  }

  return out;
}

/** Every operation of an OpenAPI 3 document, in document order; `resolve` expands the `$ref`s of a path item. */
export function indexOperations(doc: TObj, resolve: (node: unknown) => unknown, warn: (m: string) => void): TOperation[] {
  const operations: TOperation[] = [];
  for (const [path, rawItem] of Object.entries(asObj(doc.paths))) {
    const item = asObj(resolve(rawItem));
    for (const method of METHODS) {
      if (!item[method]) continue;
      const op = asObj(item[method]);
      const upper = method.toUpperCase() as TOperationMethod;
      const where = `${upper} ${path}`;
      const operationId = asStr(op.operationId) || `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`;
      if (!op.operationId) warn(`${where} has no operationId; using "${operationId}"`);
      const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [];
      const servers = op.servers ?? item.servers ?? doc.servers;
      const requestBody = toRequestBody(op.requestBody);
      operations.push({
        operationId,
        method: upper,
        path,
        tag: tags[0] ?? 'default',
        summary: asStr(op.summary),
        description: asStr(op.description),
        deprecated: op.deprecated === true,
        host: hostOfServers(servers),
        parameters: mergeParameters({ pathLevel: item.parameters, opLevel: op.parameters }, where, warn),
        ...(requestBody ? { requestBody } : {}),
        responses: toResponses(op.responses),
      });
    }
  }

  return operations;
}
