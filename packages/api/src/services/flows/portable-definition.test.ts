import { describe, expect, it } from 'vitest';

import { createEvaluator, MASKED_HEADER_EXPRESSION, type TFlowDefinition } from '@uw/flow-engine';

import { clockifyRefsOf, entityTypeOfName } from './clockify-refs';
import { formatPath } from './document-issues';
import { isSecretReference, portableDefinition } from './portable-definition';

const WS = 'aaaaaaaaaaaaaaaaaaaaaa0a';
const P1 = '5f1b2c3d4e5f60718293a4b5';
const T1 = '6a1b2c3d4e5f60718293a4b5';
const U1 = '7b1b2c3d4e5f60718293a4b5';

const definition = {
  nodes: [
    { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: { source: 'custom', sourceId: 'src-1' } },
    {
      id: 'c',
      kind: 'condition',
      position: { x: 0, y: 0 },
      data: { expression: `payload.projectId = "${P1}" and "${U1}" = payload.userId` },
    },
    {
      id: 'get',
      kind: 'clockify',
      position: { x: 0, y: 0 },
      data: { operationId: 'getProject', path: { workspaceId: `"${WS}"`, projectId: `"${P1}"` }, query: {} },
    },
    {
      id: 'post',
      kind: 'http',
      position: { x: 0, y: 0 },
      data: {
        method: 'POST',
        url: `"https://example.test/w/${WS}/hook"`,
        headers: { Authorization: '"Bearer abc123secret"', 'X-Key': '"Token " & $secret("api")', 'Content-Type': '"application/json"' },
        body: `{ "tagIds": ["${T1}", "${P1}"], "note": "x" }`,
      },
    },
  ],
  edges: [],
} as unknown as TFlowDefinition;

describe('portableDefinition', () => {
  const portable = portableDefinition(definition, { workspaceId: WS, sourceNames: new Map([['src-1', 'GitHub']]) });
  const text = JSON.stringify(portable);

  it('masks header values but keeps $secret references and descriptive headers', () => {
    const http = portable.nodes.find((n) => n.id === 'post')!;
    expect(http.kind === 'http' && http.data.headers).toEqual({
      Authorization: MASKED_HEADER_EXPRESSION,
      'X-Key': '"Token " & $secret("api")',
      'Content-Type': '"application/json"',
    });
    expect(text).not.toContain('abc123secret');
  });

  it('names the workspace as workspace.id and the custom source by name', () => {
    expect(text).not.toContain(WS);
    const get = portable.nodes.find((n) => n.id === 'get')!;
    expect(get.kind === 'clockify' && get.data.path.workspaceId).toBe('workspace.id');
    const http = portable.nodes.find((n) => n.id === 'post')!;
    expect(http.kind === 'http' && http.data.url).toBe('("https://example.test/w/" & workspace.id & "/hook")');
    expect(portable.nodes[0]!.data).toEqual({ source: 'custom', sourceId: '@source:GitHub' });
  });

  it('keeps expressions that still evaluate the same for the workspace', async () => {
    const evaluator = createEvaluator();
    const http = portable.nodes.find((n) => n.id === 'post')!;
    const url = http.kind === 'http' ? http.data.url : '';
    expect(await evaluator.evaluate(url, { workspace: { id: WS } })).toBe(`https://example.test/w/${WS}/hook`);
  });
});

describe('isSecretReference', () => {
  it.each([
    ['$secret("api")', true],
    ['"Bearer " & $secret("api")', true],
    ['"Bearer abcdefghijklmnopqrstuvwxyz0123" & $secret("api")', false],
    ['"plain-token-value"', false],
  ])('%s → %s', (expression, kept) => expect(isSecretReference(expression)).toBe(kept));
});

describe('clockifyRefsOf', () => {
  it('finds ids by the parameter or key next to them', () => {
    const refs = clockifyRefsOf(definition).map((r) => `${r.nodeId} ${r.field} ${r.entityType} ${r.id}`);
    expect(refs).toEqual([
      `c data.expression project ${P1}`,
      `c data.expression user ${U1}`,
      `get data.path.projectId project ${P1}`,
      `post data.body tag ${T1}`,
      `post data.body tag ${P1}`,
    ]);
  });

  it('reads entity types from names', () => {
    expect(['projectId', 'tagIds', 'assigneeId', 'clientId', 'taskId', 'userIds', 'workspaceId', 'name'].map(entityTypeOfName)).toEqual([
      'project',
      'tag',
      'user',
      'client',
      'task',
      'user',
      null,
      null,
    ]);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and odd names quoted', () => {
    expect(formatPath(['definition', 'nodes', 2, 'data', 'headers', 'X-Key'])).toBe('definition.nodes[2].data.headers["X-Key"]');
  });
});
