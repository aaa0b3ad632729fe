import { describe, expect, it } from 'vitest';

import { clearDevSession, DEV_SESSION_KEY, loadDevSession, saveDevSession } from './dev-session';
import type { TSession } from './session';

function memoryStorage() {
  const items = new Map<string, string>();

  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const dev: TSession = {
  token: 'dev.jwt.sig',
  via: 'dev',
  role: 'admin',
  workspaceId: 'w1',
  userId: 'u1',
  backendUrl: null,
  expiresAt: 1_000_000,
};

describe('development session storage', () => {
  it('keeps a dev session until shortly before it expires, then forgets it', () => {
    const storage = memoryStorage();
    saveDevSession(dev, storage);

    expect(loadDevSession(900_000, storage)).toEqual(dev);
    expect(loadDevSession(990_000, storage)).toBeNull();
    expect(storage.items.has(DEV_SESSION_KEY)).toBe(false);
  });

  it('never stores a Clockify session', () => {
    const storage = memoryStorage();
    saveDevSession({ ...dev, via: 'clockify' }, storage);

    expect(storage.items.size).toBe(0);
  });

  it('drops malformed or foreign entries and clears on sign-out', () => {
    const storage = memoryStorage();
    storage.setItem(DEV_SESSION_KEY, '{not json');
    expect(loadDevSession(0, storage)).toBeNull();
    storage.setItem(DEV_SESSION_KEY, JSON.stringify({ ...dev, via: 'clockify' }));
    expect(loadDevSession(0, storage)).toBeNull();
    saveDevSession(dev, storage);
    clearDevSession(storage);
    expect(loadDevSession(0, storage)).toBeNull();
  });
});
