import { describe, expect, it } from 'vitest';

import type { TApiDeps } from '../../deps';
import { createEventBus } from '../events/event-bus';
import { createInstallationScopedCache } from './installation-cache';

const ws = 'aaaaaaaaaaaaaaaaaaaaaa01';

describe('installation-scoped cache', () => {
  const setup = () => {
    const bus = createEventBus();
    const cache = createInstallationScopedCache<string>({ bus } as TApiDeps, 60_000);
    const changed = () => bus.publish({ type: 'installation.changed', workspaceId: ws });

    return { cache, changed };
  };

  it('keeps a loaded value until an installation changes', async () => {
    const { cache, changed } = setup();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get(ws, load)).toBe('v1');
    expect(await cache.get(ws, load)).toBe('v1');
    changed();
    expect(await cache.get(ws, load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('does not keep a value whose load was in flight when a change arrived (it may predate the change)', async () => {
    const { cache, changed } = setup();
    let release!: (v: string) => void;
    const slow = cache.get(ws, () => new Promise<string>((r) => (release = r)));
    changed();
    release('before the change');
    // Its caller still gets what it loaded; the next reader loads again.
    expect(await slow).toBe('before the change');
    expect(await cache.get(ws, async () => 'after the change')).toBe('after the change');
  });

  it('asks again for a value that loaded as undefined', async () => {
    const { cache } = setup();
    expect(await cache.get(ws, async () => undefined)).toBeUndefined();
    expect(await cache.get(ws, async () => 'found')).toBe('found');
  });
});
