import type { TIdFactory } from './ids';
import type { TRng } from './rng';

/** What every entity factory needs: deterministic randomness, ids, and a clock. */
export type TMakeContext = { rng: TRng; id: TIdFactory; now: () => number };
