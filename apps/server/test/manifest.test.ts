import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { SETTING_IDS } from '@uw/api';
import { API_EVENT_TYPES, EVENT_TYPES, MANIFEST_EVENT_TYPES } from '@uw/clockify';

import { buildManifestDocument } from '../src/manifest-document';
import { CLOCKIFY_FIXTURES, REPO_ROOT } from './utils';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8'));

describe('manifest.json', () => {
  it("is valid against Clockify's manifest schema 1.6", () => {
    const schema = JSON.parse(readFileSync(CLOCKIFY_FIXTURES.manifestSchema, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is exactly what the generator writes (catalogue and settings cannot drift)', () => {
    expect(manifest).toEqual(JSON.parse(JSON.stringify(buildManifestDocument())));
  });

  it('declares 20 webhooks, and with the 31 registered at install covers all 51 event types', () => {
    const declared = manifest.webhooks.map((w: { event: string }) => w.event);
    expect(declared).toHaveLength(20);
    expect(new Set([...declared, ...API_EVENT_TYPES.map((e) => e.name)]).size).toBe(51);
    expect(declared.sort()).toEqual(MANIFEST_EVENT_TYPES.map((e) => (typeof e === 'string' ? e : e.name)).sort());
    expect(EVENT_TYPES).toHaveLength(51);
  });

  it('has schema 1.6, ENTERPRISE, all 30 scopes, the four lifecycle hooks and an admin sidebar', () => {
    expect(manifest.schemaVersion).toBe('1.6');
    expect(manifest.minimalSubscriptionPlan).toBe('ENTERPRISE');
    expect(new Set(manifest.scopes).size).toBe(30);
    expect(manifest.lifecycle.map((l: { type: string }) => l.type).sort()).toEqual([
      'DELETED',
      'INSTALLED',
      'SETTINGS_UPDATED',
      'STATUS_CHANGED',
    ]);
    expect(manifest.components).toEqual([expect.objectContaining({ type: 'sidebar', accessLevel: 'ADMINS' })]);
  });

  it('has four setting groups with the 14 stable setting ids', () => {
    const groups = manifest.settings.tabs[0].groups;
    expect(groups.map((g: { title: string }) => g.title)).toEqual(['Bootstrap', 'Webhooks', 'Flows', 'Data']);
    const ids = groups.flatMap((g: { settings: { id: string }[] }) => g.settings.map((s) => s.id));
    expect(ids.sort()).toEqual([...SETTING_IDS].sort());
  });
});
