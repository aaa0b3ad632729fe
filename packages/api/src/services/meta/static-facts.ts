import { EVENT_TYPES } from '@uw/clockify';
import { FLOW_TEMPLATES } from '@uw/flow-engine';

import type { TCaller } from '../auth/caller';

/** Clockify's 51 webhook event types; `inManifest`: delivered through the manifest rather than registered by API. */
export function listEventTypes() {
  return EVENT_TYPES.map(({ name, entity, description, inManifest }) => ({ name, entity, description, inManifest }));
}

/** Ready-made flows to start from (definitions in the flow-engine format). */
export function listTemplates() {
  return FLOW_TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description, definition: t.definition }));
}

/** Who the caller is, as the SPA shell shows it: never the key itself, only its scope. */
export function describeCaller(caller: TCaller) {
  const { workspaceId, userId, role, via, key } = caller;

  return { workspaceId, userId, role, via, scope: key?.scope ?? null };
}
