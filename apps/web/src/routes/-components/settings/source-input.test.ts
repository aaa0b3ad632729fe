import { describe, expect, it } from 'vitest';

import { EMPTY_SOURCE_FORM, toSourceInput } from './source-input';

describe('toSourceInput', () => {
  it('builds an HMAC source with its header and encoding, without empty options', () => {
    expect(toSourceInput({ ...EMPTY_SOURCE_FORM, name: ' GitHub ', kind: 'hmac', header: 'X-Sig', encoding: 'base64' })).toEqual({
      name: 'GitHub',
      verification: { kind: 'hmac', header: 'X-Sig', encoding: 'base64' },
      idHeader: null,
      eventTypeHeader: null,
      ratePerMinute: 600,
      enabled: true,
    });
  });

  it('passes a given secret, tolerance and headers', () => {
    const input = toSourceInput({
      ...EMPTY_SOURCE_FORM,
      name: 's',
      kind: 'stripe',
      toleranceSeconds: '600',
      secret: 'whsec_12345678',
      idHeader: 'X-Id',
      ratePerMinute: '60',
    });

    expect(input).toMatchObject({
      verification: { kind: 'stripe', toleranceSeconds: 600 },
      secret: 'whsec_12345678',
      idHeader: 'X-Id',
      ratePerMinute: 60,
    });
  });

  it('never sends a secret for an unsigned source', () => {
    expect(toSourceInput({ ...EMPTY_SOURCE_FORM, name: 's', kind: 'none', secret: 'ignored-secret' })).not.toHaveProperty('secret');
  });
});
