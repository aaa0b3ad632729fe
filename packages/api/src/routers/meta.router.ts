import { z } from 'zod';

import { ZEventTypeSchema, ZTemplateSchema, ZWhoamiSchema } from '../schemas/meta.schemas';
import { describeCaller, listEventTypes, listTemplates } from '../services/meta/static-facts';
import { router, workspaceProcedure } from '../trpc';

/** Static facts the flow editor and the SPA shell need. */
export const metaRouter = router({
  /** Clockify's 51 webhook event types; `inManifest`: delivered through the manifest rather than registered by API. */
  eventTypes: workspaceProcedure.output(z.array(ZEventTypeSchema)).query(() => listEventTypes()),
  /** Ready-made flows to start from (definitions in the flow-engine format). */
  templates: workspaceProcedure.output(z.array(ZTemplateSchema)).query(() => listTemplates()),
  whoami: workspaceProcedure.output(ZWhoamiSchema).query(({ ctx }) => describeCaller(ctx.caller)),
});
