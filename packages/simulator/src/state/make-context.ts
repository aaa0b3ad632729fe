import type { IdFactory } from './ids';
import type { Rng } from './rng';

/** What every entity factory needs: deterministic randomness, ids, and a clock. */
export type MakeContext = { rng: Rng; id: IdFactory; now: () => number };
