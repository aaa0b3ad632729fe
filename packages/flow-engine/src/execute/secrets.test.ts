import { describe, expect, it } from 'vitest';

import { createEvaluator } from '../expressions/create-evaluator';
import { findSecretCalls } from '../expressions/secret-calls';
import { listSecretRefs, maskSecretRefs, replaceSecretRefs, secretPlaceholder } from '../model/secret-refs';
import type { THttpRequest } from '../ports';
import { validateFlow } from '../validate/validate-flow';
import { condition, edge, flow, post, set, trigger } from './__tests__/builders';
import { createContext, createFakeJournal, createFakePorts } from './__tests__/fakes';
import { executeFlow } from './execute-flow';

const evaluator = createEvaluator();
const MARKER = 'n0nce';

const withHeaders = (headers: Record<string, string>, url?: string) => {
  const node = post('call', '{ "token": $secret("api"), "echo": payload.text }', url);

  return { ...node, data: { ...(node.data as object), headers } } as typeof node;
};

describe('$secret placeholders', () => {
  it('finds literal names and flags every other use', () => {
    expect(findSecretCalls('"Bearer " & $secret("api")')).toEqual([{ name: 'api', position: expect.any(Number) }]);
    expect(findSecretCalls('$secret(payload.name)').map((c) => c.name)).toEqual([null]);
    expect(findSecretCalls('$map(["a"], $secret)').map((c) => c.name)).toEqual([null]);
    expect(findSecretCalls('($secret := function($n){ $n }; $secret("x"))').some((c) => c.name === null)).toBe(true);
    expect(findSecretCalls('"no secret here"')).toEqual([]);
  });

  it('replaces, lists and masks placeholders at any depth, keys included', () => {
    const value = {
      url: `https://x/${secretPlaceholder('m', 'a')}`,
      list: [secretPlaceholder('m', 'b')],
      [secretPlaceholder('m', 'c')]: 1,
    };
    expect(listSecretRefs(value).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(replaceSecretRefs(value, (r) => r.name.toUpperCase())).toEqual({ url: 'https://x/A', list: ['B'], C: 1 });
    expect(JSON.stringify(maskSecretRefs(value))).not.toContain('⟦');
    expect(maskSecretRefs(value).url).toBe('https://x/••••');
  });
});

describe('executeFlow with $secret', () => {
  const definition = flow([trigger(), withHeaders({ Authorization: '"Bearer " & $secret("api")' })], [edge('t', 'call')]);

  it('hands the port placeholders with its marker and journals •••• in their place', async () => {
    const { journal, entries, started } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({
      definition,
      context: createContext({ text: 'hi' }),
      journal,
      ports,
      evaluator,
      secretMarker: MARKER,
    });
    expect(outcome.status).toBe('succeeded');
    const sent = http.mock.calls[0]![0] as THttpRequest;
    expect(sent.headers.Authorization).toBe(`Bearer ${secretPlaceholder(MARKER, 'api')}`);
    expect(sent.body).toEqual({ token: secretPlaceholder(MARKER, 'api'), echo: 'hi' });
    const recorded = JSON.stringify([entries, started]);
    expect(recorded).not.toContain('⟦');
    expect(recorded).toContain('Bearer ••••');
  });

  it('shows •••• in a dry run and accepts a URL that is a secret', async () => {
    const urlFlow = flow([trigger(), withHeaders({}, '$secret("hook")')], [edge('t', 'call')]);
    const { journal } = createFakeJournal();
    const { ports, http } = createFakePorts();
    const outcome = await executeFlow({ definition: urlFlow, context: createContext({}), journal, ports, evaluator, dryRun: true });
    expect(http).not.toHaveBeenCalled();
    expect(outcome.status === 'succeeded' && outcome.dryRunRequests?.[0]?.request).toMatchObject({ url: '••••' });
  });

  it('refuses $secret outside actions, computed names, bad and (given the names) unknown names', () => {
    const bad = flow(
      [
        trigger(),
        condition('c', '$secret("api") = "x"'),
        set('s', { v: '"x"' }),
        post('a', '$secret(payload.name)'),
        post('b', '$secret("a b")'),
      ],
      [edge('t', 'c'), edge('c', 's', 'true'), edge('s', 'a'), edge('a', 'b')],
    );
    const codes = validateFlow(bad).map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['SECRET_OUTSIDE_ACTION', 'SECRET_NAME_NOT_LITERAL', 'SECRET_NAME_INVALID']));
    expect(validateFlow(definition, { secrets: ['api'] })).toEqual([]);
    expect(validateFlow(definition, { secrets: ['other'] }).map((i) => `${i.code} ${i.field}`)).toEqual([
      'SECRET_UNKNOWN data.headers.Authorization',
      'SECRET_UNKNOWN data.body',
    ]);
  });
});
