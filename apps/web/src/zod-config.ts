import { z } from 'zod';

/**
 * The server's Content-Security-Policy has no 'unsafe-eval'. zod 4 probes `new Function` when an object
 * schema is built, and a strict CSP reports that probe even though zod catches it. jitless skips it.
 * main.tsx imports this module first, before any schema is created.
 */
z.config({ jitless: true });
