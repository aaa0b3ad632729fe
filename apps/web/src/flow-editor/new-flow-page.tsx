import { getRouteApi, Link } from '@tanstack/react-router';

import { FLOW_TEMPLATES, getFlowTemplate } from '@uw/flow-engine';

import { FlowEditor } from './flow-editor';
import { EMPTY_DEFINITION } from './flow-document';
import { definitionFromOperation } from './operation-handoff';

const route = getRouteApi('/flows/new');

function StartChooser() {
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
        {FLOW_TEMPLATES.map((t) => (
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

export function NewFlowPage() {
  const search = route.useSearch();
  const template = search.template && search.template !== 'blank' ? getFlowTemplate(search.template) : undefined;
  let seed = null as null | { key: string; definition: typeof EMPTY_DEFINITION; name: string; description: string };
  if (search.operationId) {
    seed = {
      key: `op:${search.operationId}`,
      definition: definitionFromOperation({ ...search, operationId: search.operationId }),
      name: `Call ${search.operationId}`,
      description: '',
    };
  } else if (template) {
    seed = {
      key: `t:${template.id}`,
      definition: structuredClone(template.definition),
      name: template.name,
      description: template.description,
    };
  } else if (search.template === 'blank') {
    seed = { key: 'blank', definition: EMPTY_DEFINITION, name: '', description: '' };
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/flows">Flows</Link> / New flow
      </p>
      <h1>New flow</h1>
      {search.template && !template && search.template !== 'blank' && (
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
      ) : (
        <StartChooser />
      )}
    </>
  );
}
