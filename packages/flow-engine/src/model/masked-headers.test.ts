import { describe, expect, it } from 'vitest';

import type { TFlowDefinition } from './flow-definition-schema';
import { MASKED_HEADER_EXPRESSION, maskHttpHeaders, restoreMaskedHeaders } from './masked-headers';

const at = { x: 0, y: 0 };
const flow = (headers: Record<string, string>, id = 'call'): TFlowDefinition => ({
  nodes: [
    { id: 't', kind: 'trigger', position: at, data: { source: 'clockify', events: ['NEW_PROJECT'] } },
    { id, kind: 'http', position: at, data: { method: 'POST', url: '"https://example.com"', headers } },
  ],
  edges: [{ id: 'e', source: 't', target: id }],
});

describe('masked HTTP headers', () => {
  it('masks every header value of HTTP actions and keeps the names', () => {
    const masked = maskHttpHeaders(flow({ Authorization: '"Bearer s3cret"', 'X-Trace': 'event.id' }));
    expect(masked.nodes[1]).toMatchObject({
      data: { headers: { Authorization: MASKED_HEADER_EXPRESSION, 'X-Trace': MASKED_HEADER_EXPRESSION } },
    });
    expect(JSON.stringify(masked)).not.toContain('s3cret');
  });

  it('restores masked values from the stored document and keeps values that were changed', () => {
    const stored = flow({ Authorization: '"Bearer s3cret"', 'X-Trace': 'event.id' });
    const { definition, unresolved } = restoreMaskedHeaders(
      flow({ Authorization: MASKED_HEADER_EXPRESSION, 'X-Trace': '"new"', 'X-New': '"n"' }),
      stored,
    );
    expect(unresolved).toEqual([]);
    expect(definition.nodes[1]).toMatchObject({
      data: { headers: { Authorization: '"Bearer s3cret"', 'X-Trace': '"new"', 'X-New': '"n"' } },
    });
  });

  it('reports a masked header with nothing stored behind it (new node or new name)', () => {
    const stored = flow({ Authorization: '"Bearer s3cret"' });
    expect(restoreMaskedHeaders(flow({ Authorization: MASKED_HEADER_EXPRESSION }, 'other'), stored).unresolved).toEqual([
      { nodeId: 'other', header: 'Authorization' },
    ]);
    expect(restoreMaskedHeaders(flow({ 'X-Key': MASKED_HEADER_EXPRESSION }), null).unresolved).toEqual([
      { nodeId: 'call', header: 'X-Key' },
    ]);
  });
});
