import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CLOCKIFY_FIXTURES } from '../../../fixtures';
import type { TOperationInfo } from '../src/validate/flow-issue';

type TJson = Record<string, unknown>;
type TParameter = { name: string; in: string; required?: boolean; $ref?: string };

function readJson(path: string): TJson {
  return JSON.parse(readFileSync(path, 'utf8')) as TJson;
}

function follow(document: TJson, value: unknown): unknown {
  const ref = (value as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string') {
    return value;
  }
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as TJson)[key], document);

  return follow(document, target);
}

/** The operations of Clockify's OpenAPI document in the shape `validateFlow` takes. */
export function loadClockifyOperations(): TOperationInfo[] {
  const document = readJson(CLOCKIFY_FIXTURES.openapi);
  const operations: TOperationInfo[] = [];
  for (const item of Object.values(document.paths as Record<string, TJson>)) {
    const shared = (item.parameters as TParameter[] | undefined) ?? [];
    for (const operation of Object.values(item) as TJson[]) {
      if (typeof operation !== 'object' || typeof operation.operationId !== 'string') {
        continue;
      }
      const parameters = [...shared, ...((operation.parameters as TParameter[] | undefined) ?? [])].map(
        (p) => follow(document, p) as TParameter,
      );
      const requestBody = follow(document, operation.requestBody) as { required?: boolean } | undefined;
      operations.push({ operationId: operation.operationId, parameters, requestBody: requestBody ?? null });
    }
  }

  return operations;
}

/** The 51 webhook event names allowed by manifest schema 1.6. */
export function loadClockifyEventTypes(): string[] {
  const text = readFileSync(CLOCKIFY_FIXTURES.manifestSchema, 'utf8');
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as TJson;
      if (Array.isArray(record.enum) && record.enum.includes('NEW_TIME_ENTRY')) {
        record.enum.forEach((name) => found.add(String(name)));
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(JSON.parse(text));

  return [...found];
}

export function loadWebhookExample(event: string): Record<string, unknown> {
  return readJson(join(CLOCKIFY_FIXTURES.webhookExamples, `${event}.json`));
}
