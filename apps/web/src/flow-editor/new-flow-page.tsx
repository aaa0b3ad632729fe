import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';

import type { TFlowDefinition } from '@uw/flow-engine';

import { Loading, QueryState } from '../components/states';
import { trpc } from '../trpc/client';
import type { TFlowTemplateView } from '../trpc/types';
import { EMPTY_DEFINITION } from './flow-document';
import { FlowEditor } from './flow-editor';
import { definitionFromOperation } from './operation-handoff';

const route = getRouteApi('/flows/new');

type TSeed = { key: string; definition: TFlowDefinition; name: string; description: string };

function StartChooser({ templates }: { templates: readonly TFlowTemplateView[] }) {
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">Start from</h2>
      <ul className="template-list">
        <li className="card">
          <h3>A blank flow</h3>
          <p className="muted">A trigger and nothing else.</p>
          <Link to="/flows/new" search={{ template: 'blank' }} className="button primary">
            Start blank
          </Link>
        </li>
        {templates.map((t) => (
          <li key={t.id} className="card">
            <h3>{t.name}</h3>
            <p className="muted">{t.description}</p>
            <Link to="/flows/new" search={{ template: t.id }} className="button">
              Use template: {t.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /flows/new: from the explorer's "Use in a flow", from a template (meta.templates), blank, or a chooser. */
export function NewFlowPage() {
  const search = route.useSearch();
  const templates = useQuery({ ...trpc.meta.templates.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const template = templates.data?.find((t) => t.id === search.template);
  let seed: TSeed | null = null;
  if (search.operationId) {
    const definition = definitionFromOperation({ ...search, operationId: search.operationId });
    seed = { key: `op:${search.operationId}`, definition, name: `Call ${search.operationId}`, description: '' };
  } else if (search.template === 'blank') {
    seed = { key: 'blank', definition: EMPTY_DEFINITION, name: '', description: '' };
  } else if (template) {
    seed = {
      key: `t:${template.id}`,
      definition: structuredClone(template.definition),
      name: template.name,
      description: template.description,
    };
  }
  const unknownTemplate = search.template && search.template !== 'blank' && templates.isSuccess && !template;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/flows">Flows</Link> / New flow
      </p>
      <h1>New flow</h1>
      {unknownTemplate && (
        <p role="alert" className="error-text">
          There is no template “{search.template}”.
        </p>
      )}
      {seed ? (
        <FlowEditor
          key={seed.key}
          flowId={null}
          definition={seed.definition}
          meta={{ name: seed.name, description: seed.description, enabled: true }}
          startDirty
        />
      ) : search.template && !templates.isSuccess && !templates.isError ? (
        <Loading label="Loading the template…" />
      ) : (
        <QueryState query={templates} what="Templates" procedure="meta.templates">
          {(list) => <StartChooser templates={list} />}
        </QueryState>
      )}
    </>
  );
}
