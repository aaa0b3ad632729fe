import { makeTag } from '../../state/make-catalog';
import { assertUniqueName, assign, bodyOf, findOr404 } from './entities';
import { bool, list, nameMatches, paged, sortByName } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/tags';

export const tagRoutes: TRouteDef[] = [
  api('GET', BASE, 'getTags', ({ ws, query }) => {
    const archived = bool(query, 'archived');
    const excluded = list(query, 'excluded-ids');
    const found = ws.tags.filter(
      (t) => nameMatches(t.name, query) && (archived === undefined || t.archived === archived) && !excluded.includes(t.id),
    );

    return paged(sortByName(found, query), query);
  }),
  api('GET', `${BASE}/{id}`, 'getTag', ({ ws, params }) => ({ body: findOr404(ws.tags, params.id, 'Tag') })),
  api('POST', BASE, 'createNewTag', ({ ws, body, store }) => {
    const name = String(bodyOf(body).name ?? '').trim();
    assertUniqueName(ws.tags, name, 'Tag');
    const tag = makeTag(store.ctx, ws.workspace, name);
    ws.tags.push(tag);

    return { status: 201, body: tag };
  }),
  api('PUT', `${BASE}/{id}`, 'updateTag', ({ ws, params, body }) => {
    const tag = findOr404(ws.tags, params.id, 'Tag');
    const patch = bodyOf(body);
    if (typeof patch.name === 'string') {
      assertUniqueName(ws.tags, patch.name, 'Tag', tag.id);
    }

    return { body: assign(tag, patch, ['name', 'archived']) };
  }),
  api('DELETE', `${BASE}/{id}`, 'deleteTag', ({ ws, params }) => {
    const tag = findOr404(ws.tags, params.id, 'Tag');
    ws.tags = ws.tags.filter((t) => t.id !== tag.id);

    return { body: tag };
  }),
];
