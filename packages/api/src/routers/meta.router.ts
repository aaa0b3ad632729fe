import { z } from 'zod';

import { EVENT_TYPES } from '@uw/clockify';
import { FLOW_TEMPLATES, ZFlowDefinitionSchema } from '@uw/flow-engine';

import { KEY_SCOPES } from '../services/auth/scopes';
import { router, workspaceProcedure } from '../trpc';

const ZEventTypeSchema = z.object({ name: z.string(), entity: z.string(), description: z.string(), inManifest: z.boolean() });
const ZTemplateSchema = z.object({ id: z.string(), name: z.string(), description: z.string(), definition: ZFlowDefinitionSchema });
const ZWhoamiSchema = z.object({
  workspaceId: z.string(),
  userId: z.string().nullable(),
  role: z.enum(['admin', 'user', 'service']),
  via: z.enum(['clockify', 'service_key', 'dev']),
  /** A service key's scope; null for people. */
  scope: z.enum(KEY_SCOPES).nullable(),
});

/** Static facts the flow editor and the SPA shell need. */
export const metaRouter = router({
  /** Clockify's 51 webhook event types; `inManifest`: delivered through the manifest rather than registered by API. */
  eventTypes: workspaceProcedure
    .output(z.array(ZEventTypeSchema))
    .query(() => EVENT_TYPES.map(({ name, entity, description, inManifest }) => ({ name, entity, description, inManifest }))),
  /** Ready-made flows to start from (definitions in the flow-engine format). */
  templates: workspaceProcedure
    .output(z.array(ZTemplateSchema))
    .query(() => FLOW_TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description, definition: t.definition }))),
  whoami: workspaceProcedure.output(ZWhoamiSchema).query(({ ctx }) => {
    const { workspaceId, userId, role, via, key } = ctx.caller;

    return { workspaceId, userId, role, via, scope: key?.scope ?? null };
  }),
});
