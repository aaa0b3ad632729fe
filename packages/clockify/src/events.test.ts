import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CLOCKIFY_FIXTURES } from '../test/support/fixtures';
import { cacheEffectOfEvent, entityIdOfEvent } from './event-cache-effect';
import { API_EVENT_TYPES, entityOfEvent, EVENT_TYPES, isEventType, MANIFEST_EVENT_TYPES } from './events';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
const names = EVENT_TYPES.map((e) => e.name);

/** The `event` enum of a manifest schema's webhook definition, wherever the schema keeps it. */
function manifestEventEnum(version: string): string[] {
  const schema = readJson(join(CLOCKIFY_FIXTURES.manifestSchemas, `${version}.json`));
  const webhook = schema.definitions?.webhook ?? schema.properties.webhooks.items;

  return webhook.properties.event.enum as string[];
}

describe('event catalogue', () => {
  it('has exactly 51 unique names with a description and an entity each', () => {
    expect(names).toHaveLength(51);
    expect(new Set(names).size).toBe(51);
    for (const e of EVENT_TYPES) {
      expect(e.description.length, e.name).toBeGreaterThan(10);
      expect(entityOfEvent(e.name)).toBe(e.entity);
    }
  });

  it('equals the webhookEvent enum of CreateWebhookRequestV1 in the OpenAPI document', () => {
    const doc = readJson(CLOCKIFY_FIXTURES.openapi);
    const apiEnum = doc.components.schemas.CreateWebhookRequestV1.properties.webhookEvent.enum as string[];
    expect([...names].sort()).toEqual([...apiEnum].sort());
  });

  it('equals the event enum of manifest schema 1.6', () => {
    expect([...names].sort()).toEqual([...manifestEventEnum('1.6')].sort());
  });

  it('puts 20 events in the manifest and 31 through the API, without overlap', () => {
    expect(MANIFEST_EVENT_TYPES).toHaveLength(20);
    expect(API_EVENT_TYPES).toHaveLength(31);
    const manifest = new Set(MANIFEST_EVENT_TYPES.map((e) => e.name));
    expect(API_EVENT_TYPES.some((e) => manifest.has(e.name))).toBe(false);
  });

  it('declares in the manifest only events that even the oldest manifest schemas (1.0 and 1.3) accept', () => {
    for (const version of ['1.0', '1.3', '1.6']) {
      const allowed = new Set(manifestEventEnum(version));
      expect(
        MANIFEST_EVENT_TYPES.filter((e) => !allowed.has(e.name)).map((e) => e.name),
        version,
      ).toEqual([]);
    }
  });

  it('recognises event names and nothing else', () => {
    expect(isEventType('NEW_PROJECT')).toBe(true);
    expect(isEventType('TIME_ENTRY_BATCH_DELETED')).toBe(false);
    expect(isEventType('new_project')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType(42)).toBe(false);
    expect(entityOfEvent('NOPE')).toBeUndefined();
  });
});

describe('sample webhook bodies', () => {
  const files = readdirSync(CLOCKIFY_FIXTURES.webhookExamples).filter((f) => f.endsWith('.json'));

  it('are 49 and each is named after a known event', () => {
    expect(files).toHaveLength(49);
    expect(files.map((f) => basename(f, '.json')).filter((n) => !isEventType(n))).toEqual([]);
  });

  it.each(files)('%s carries the id its cache effect points at', (file) => {
    const name = basename(file, '.json');
    const body = readJson(join(CLOCKIFY_FIXTURES.webhookExamples, file));
    expect(typeof body).toBe('object');
    const effect = cacheEffectOfEvent(name);
    if (effect) {
      expect(entityIdOfEvent(name, body), `${name}.${effect.idField}`).toMatch(/^[0-9a-f]{24}$/);
    } else {
      expect(entityIdOfEvent(name, body)).toBeNull();
    }
  });
});

describe('cacheEffectOfEvent', () => {
  it('maps create/update to upsert and delete to delete', () => {
    expect(cacheEffectOfEvent('NEW_PROJECT')).toEqual({ entityType: 'project', action: 'upsert', idField: 'id' });
    expect(cacheEffectOfEvent('TAG_DELETED')).toEqual({ entityType: 'tag', action: 'delete', idField: 'id' });
    expect(cacheEffectOfEvent('USER_GROUP_DELETED')?.entityType).toBe('user_group');
    expect(cacheEffectOfEvent('TIMER_STOPPED')).toEqual({ entityType: 'time_entry', action: 'upsert', idField: 'id' });
    expect(cacheEffectOfEvent('EXPENSE_DELETED')).toEqual({ entityType: 'expense', action: 'delete', idField: 'expenseId' });
  });

  it('has an opinion on every event and is null for unknown names', () => {
    const deletes = EVENT_TYPES.filter((e) => cacheEffectOfEvent(e.name)?.action === 'delete').map((e) => e.name);
    expect(deletes.every((n) => /DELETED/.test(n))).toBe(true);
    expect(cacheEffectOfEvent('BALANCE_UPDATED')).toBeNull();
    expect(cacheEffectOfEvent('constructor')).toBeNull();
    expect(cacheEffectOfEvent('SOMETHING_ELSE')).toBeNull();
  });
});
