import { createIdFactory } from './ids';
import type { TMakeContext } from './make-context';
import { createRng } from './rng';
import { seedWorkspace, type TWorkspaceSeed } from './seed';
import { DEFAULT_ANCHOR } from './time';
import type { TWorkspaceData } from './workspace-data';

export type TSeedOptions = {
  workspaces?: TWorkspaceSeed[];
  /** PRNG seed; the same number gives the same ids, names and entries */
  random?: number;
  /** seeded time entries sit in the weeks before this instant (default 2025-01-06T09:00:00Z) */
  anchor?: string | number;
};

export type TStore = {
  ctx: TMakeContext;
  addonId: string;
  addonKey: string;
  workspaces: Map<string, TWorkspaceData>;
  list(): TWorkspaceData[];
  get(workspaceId: string): TWorkspaceData | undefined;
};

export function createStore(seed: TSeedOptions = {}, addonKey = 'universal-webhook', now: () => number = Date.now): TStore {
  const rng = createRng(seed.random ?? 20_240_101);
  const ctx: TMakeContext = { rng, id: createIdFactory(rng), now };
  const addonId = ctx.id();
  const anchorMs = seed.anchor === undefined ? DEFAULT_ANCHOR : new Date(seed.anchor).getTime();
  const specs = seed.workspaces && seed.workspaces.length > 0 ? seed.workspaces : [{}];
  const workspaces = new Map<string, TWorkspaceData>();
  const seeding: TMakeContext = { ...ctx, now: () => anchorMs };
  specs.forEach((spec, i) => {
    const data = seedWorkspace(seeding, spec, { index: i, anchorMs });
    data.installation.addonId = addonId;
    data.installation.addonKey = addonKey;
    workspaces.set(data.workspace.id, data);
  });

  return { ctx, addonId, addonKey, workspaces, list: () => [...workspaces.values()], get: (id) => workspaces.get(id) };
}
