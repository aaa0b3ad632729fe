import { describe, expect, it } from 'vitest';

import { isObjectId } from './ids';
import { createStore } from './store';

describe('createStore', () => {
  it('seeds the requested counts with 24-hex ids', () => {
    const store = createStore({
      workspaces: [{ users: 4, clients: 2, projects: 3, tasksPerProject: 2, tags: 5, timeEntries: 30, expenses: 4 }],
    });
    const [ws] = store.list();
    expect(ws).toBeDefined();
    expect(ws!.users).toHaveLength(4);
    expect(ws!.clients).toHaveLength(2);
    expect(ws!.projects).toHaveLength(3);
    expect(ws!.tasks).toHaveLength(6);
    expect(ws!.tags).toHaveLength(5);
    expect(ws!.timeEntries).toHaveLength(30);
    expect(ws!.expenses).toHaveLength(4);
    const ids = [ws!.workspace.id, ...ws!.users.map((u) => u.id), ...ws!.timeEntries.map((e) => e.id)];
    expect(ids.every(isObjectId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic for the same seed and keeps a given workspace id', () => {
    const a = createStore({ workspaces: [{ id: '0123456789abcdef01234567' }, {}] });
    const b = createStore({ workspaces: [{ id: '0123456789abcdef01234567' }, {}] });
    expect(JSON.stringify(a.list())).toBe(JSON.stringify(b.list()));
    expect(a.get('0123456789abcdef01234567')).toBeDefined();
    expect(createStore({ random: 7 }).list()[0]!.workspace.id).not.toBe(a.list()[1]!.workspace.id);
  });
});
