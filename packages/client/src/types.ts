import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@uw/api';

export type { AppRouter };
/** Every procedure's input, e.g. `TRouterInputs['flows']['create']`. */
export type TRouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output, e.g. `TRouterOutputs['webhooks']['list']['items'][number]`. */
export type TRouterOutputs = inferRouterOutputs<AppRouter>;
