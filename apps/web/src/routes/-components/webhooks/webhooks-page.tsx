import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';

import { CursorPager } from '../../../components/cursor-pager';
import { Empty, QueryState } from '../../../components/states';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { errorMessage } from '../../../trpc/errors';
import { trpc } from '../../../trpc/client';
import { FilterForm } from './filter-form';
import { useLiveWebhooks } from './use-live-webhooks';
import { hasFilters, matchesLiveFilters, toListInput } from './webhook-filters';
import { WebhookTable } from './webhook-table';

const route = getRouteApi('/webhooks');

export function WebhooksPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const pages = useCursorPages({ cursor: search.cursor, go: (cursor) => void navigate({ search: (s) => ({ ...s, cursor }) }) });
  const [live, setLive] = useState(false);
  const query = useQuery({ ...trpc.webhooks.list.queryOptions(toListInput(search)), placeholderData: keepPreviousData });
  const liveFeed = useLiveWebhooks(live);
  const liveItems = useMemo(() => liveFeed.items.filter((w) => matchesLiveFilters(w, search)), [liveFeed.items, search]);

  return (
    <>
      <div className="page-header">
        <h1>Webhooks</h1>
        <button type="button" className={live ? 'button primary' : 'button'} aria-pressed={live} onClick={() => setLive((v) => !v)}>
          {live ? 'Live: on' : 'Live: off'}
        </button>
      </div>
      <FilterForm
        search={search}
        onApply={(next) => {
          pages.reset();
          void navigate({ search: next });
        }}
      />
      {live && (
        <section aria-labelledby="live-title" className="live-section">
          <h2 id="live-title">
            Live <span className="muted small">({liveFeed.status === 'pending' ? 'connected' : liveFeed.status})</span>
          </h2>
          {liveFeed.error && (
            <p role="alert" className="error-text">
              Live updates stopped: {errorMessage(liveFeed.error)}
            </p>
          )}
          {search.path && <p className="muted small">Live entries ignore the payload search (they arrive without payloads).</p>}
          <div aria-live="polite">
            {liveItems.length === 0 ? (
              <p className="muted">Waiting for new webhooks…</p>
            ) : (
              <WebhookTable items={liveItems} caption="Live webhooks" liveIds={new Set(liveItems.map((w) => w.id))} />
            )}
          </div>
        </section>
      )}
      <QueryState query={query} what="Webhooks" procedure="webhooks.list">
        {(page) => (
          <section aria-label="Webhook log" aria-busy={query.isFetching}>
            {page.items.length === 0 ? (
              <Empty>{hasFilters(search) ? 'No webhook matches these filters.' : 'No webhook has arrived yet.'}</Empty>
            ) : (
              <WebhookTable items={page.items} caption="Webhook log" />
            )}
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </section>
        )}
      </QueryState>
    </>
  );
}
