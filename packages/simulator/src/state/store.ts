import { createIdFactory } from './ids';
import type { MakeContext } from './make-context';
import { createRng } from './rng';
import { seedWorkspace, type WorkspaceSeed } from './seed';
import { DEFAULT_ANCHOR } from './time';
import type { WorkspaceData } from './workspace-data';

export type SeedOptions = {
  workspaces?: WorkspaceSeed[];
  /** PRNG seed; the same number gives the same ids, names and entries */
  random?: number;
  /** seeded time entries sit in the weeks before this instant (default 2025-01-06T09:00:00Z) */
  anchor?: string | number;
};

export type Store = {
  ctx: MakeContext;
  addonId: string;
  addonKey: string;
  workspaces: Map<string, WorkspaceData>;
  list(): WorkspaceData[];
  get(workspaceId: string): WorkspaceData | undefined;
};

export function createStore(seed: SeedOptions = {}, addonKey = 'universal-webhook', now: () => number = Date.now): Store {
  const rng = createRng(seed.random ?? 20_240_101);
  const ctx: MakeContext = { rng, id: createIdFactory(rng), now };
  const addonId = ctx.id();
  const anchorMs = seed.anchor === undefined ? DEFAULT_ANCHOR : new Date(seed.anchor).getTime();
  const specs = seed.workspaces && seed.workspaces.length > 0 ? seed.workspaces : [{}];
  const workspaces = new Map<string, WorkspaceData>();
  const seeding: MakeContext = { ...ctx, now: () => anchorMs };
  specs.forEach((spec, i) => {
    const data = seedWorkspace(seeding, spec, i, anchorMs);
    data.installation.addonId = addonId;
    data.installation.addonKey = addonKey;
    workspaces.set(data.workspace.id, data);
  });

  return { ctx, addonId, addonKey, workspaces, list: () => [...workspaces.values()], get: (id) => workspaces.get(id) };
}
