import { z } from 'zod';

/** The only reader of import.meta.env in the web app. */
const ZWebEnvSchema = z.object({
  VITE_TRPC_URL: z.string().min(1).default('/trpc'),
  VITE_AUTH_URL: z.string().min(1).default('/auth'),
  DEV: z.boolean().default(false),
});

export type TWebEnv = z.infer<typeof ZWebEnvSchema>;

function readEnv(): TWebEnv {
  const parsed = ZWebEnvSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(`invalid web environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }

  return parsed.data;
}

export const env = readEnv();
