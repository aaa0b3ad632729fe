import { makeClient } from '../../state/make-catalog';
import { assertUniqueName, assign, bodyOf, findOr404 } from './entities';
import { bool, nameMatches, paged, sortByName } from './query';
import { api, type TRouteDef } from './types';

const BASE = '/v1/workspaces/{workspaceId}/clients';
const EDITABLE = ['name', 'email', 'address', 'note', 'archived'] as const;

export const clientRoutes: TRouteDef[] = [
  api({ method: 'GET', path: BASE, operationId: 'getClients' }, ({ ws, query }) => {
    const archived = bool(query, 'archived');
    const found = ws.clients.filter((c) => nameMatches(c.name, query) && (archived === undefined || c.archived === archived));

    return paged(sortByName(found, query), query);
  }),
  api({ method: 'GET', path: `${BASE}/{id}`, operationId: 'getClient' }, ({ ws, params }) => ({
    body: findOr404(ws.clients, params.id, 'Client'),
  })),
  api({ method: 'POST', path: BASE, operationId: 'createClient' }, ({ ws, body, store }) => {
    const patch = bodyOf(body);
    const name = String(patch.name ?? '').trim();
    assertUniqueName(ws.clients, { name, label: 'Client' });
    const client = assign(makeClient(store.ctx, ws.workspace, name), { ...patch, name }, EDITABLE);
    ws.clients.push(client);

    return { status: 201, body: client };
  }),
  api({ method: 'PUT', path: `${BASE}/{id}`, operationId: 'updateClient' }, ({ ws, params, body }) => {
    const client = findOr404(ws.clients, params.id, 'Client');
    const patch = bodyOf(body);
    if (typeof patch.name === 'string') {
      assertUniqueName(ws.clients, { name: patch.name, label: 'Client', exceptId: client.id });
    }
    assign(client, patch, EDITABLE);
    for (const p of ws.projects.filter((x) => x.clientId === client.id)) {
      p.clientName = client.name;
    }

    return { body: client };
  }),
  api({ method: 'DELETE', path: `${BASE}/{id}`, operationId: 'deleteClient' }, ({ ws, params }) => {
    const client = findOr404(ws.clients, params.id, 'Client');
    ws.clients = ws.clients.filter((c) => c.id !== client.id);

    return { body: client };
  }),
];
