import { makeTag } from '../../state/make-catalog';
import { assertUniqueName, assign, bodyOf, findOr404 } from './entities';
import { bool, list, nameMatches, paged, sortByName } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/tags';

export const tagRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getTags' }, ({ ws, query }) => {
    const archived = bool(query, 'archived');
    const excluded = list(query, 'excluded-ids');
    const found = ws.tags.filter(
      (t) => nameMatches(t.name, query) && (archived === undefined || t.archived === archived) && !excluded.includes(t.id),
    );

    return paged(sortByName(found, query), query);
  }),
  api({ method: 'GET', path: `${BASE}/{id}`, operationId: 'getTag' }, ({ ws, params }) => ({ body: findOr404(ws.tags, params.id, 'Tag') })),
  api({ method: 'POST', path: BASE, operationId: 'createNewTag' }, ({ ws, body, store }) => {
    const name = String(bodyOf(body).name ?? '').trim();
    assertUniqueName(ws.tags, { name, label: 'Tag' });
    const tag = makeTag(store.ctx, ws.workspace, name);
    ws.tags.push(tag);

    return { status: 201, body: tag };
  }),
  api({ method: 'PUT', path: `${BASE}/{id}`, operationId: 'updateTag' }, ({ ws, params, body }) => {
    const tag = findOr404(ws.tags, params.id, 'Tag');
    const patch = bodyOf(body);
    if (typeof patch.name === 'string') {
      assertUniqueName(ws.tags, { name: patch.name, label: 'Tag', exceptId: tag.id });
    }

    return { body: assign(tag, patch, ['name', 'archived']) };
  }),
  api({ method: 'DELETE', path: `${BASE}/{id}`, operationId: 'deleteTag' }, ({ ws, params }) => {
    const tag = findOr404(ws.tags, params.id, 'Tag');
    ws.tags = ws.tags.filter((t) => t.id !== tag.id);

    return { body: tag };
  }),
];
