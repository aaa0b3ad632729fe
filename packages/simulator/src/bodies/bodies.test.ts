import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { EVENT_TYPES } from '@uw/clockify';

import { CLOCKIFY_FIXTURES } from '../../../../fixtures';
import { createStore } from '../state/store';
import { BODY_BUILDERS, buildWebhookBody } from './index';

const examples = `${CLOCKIFY_FIXTURES.webhookExamples}/`;

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const shape = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeOf(v)]));

/** Nested objects one level down: key sets only (values vary with the data). */
const nestedKeys = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => typeOf(v) === 'object')
      .map(([k, v]) => [k, Object.keys(v as object).sort()]),
  );

function freshBody(event: string) {
  const store = createStore({ workspaces: [{ users: 3, projects: 2, tasksPerProject: 2, tags: 2, timeEntries: 5, expenses: 2 }] });
  const ws = store.list()[0]!;

  return buildWebhookBody(event, { ctx: store.ctx, ws });
}

describe('webhook bodies', () => {
  it('has a builder for each of the 51 event types', () => {
    const events = EVENT_TYPES.map((e) => e.name);
    expect(events).toHaveLength(51);
    expect(events.filter((e) => !BODY_BUILDERS[e])).toEqual([]);
    expect(Object.keys(BODY_BUILDERS).sort()).toEqual([...events].sort());
  });

  const samples = readdirSync(examples).filter((f) => f.endsWith('.json'));
  it('covers the 49 real sample bodies', () => expect(samples).toHaveLength(49));

  for (const file of samples) {
    const event = file.replace(/\.json$/, '');
    it(`${event}: same top-level keys and value types as the real body`, () => {
      const real = JSON.parse(readFileSync(`${examples}${file}`, 'utf8')) as Record<string, unknown>;
      const ours = freshBody(event);
      expect(shape(ours)).toEqual(shape(real));
      expect(nestedKeys(ours)).toEqual(nestedKeys(real));
    });
  }
});
