import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CLOCKIFY_FIXTURES } from '../test/support/fixtures';
import { CLOCKIFY_PUBLIC_KEY_PEM } from './public-key';

describe('CLOCKIFY_PUBLIC_KEY_PEM', () => {
  it("is byte for byte the published key kept in the fixtures, Clockify's RSA-2048 key", () => {
    expect(CLOCKIFY_PUBLIC_KEY_PEM).toBe(readFileSync(CLOCKIFY_FIXTURES.publicKeyPem, 'utf8'));
    const key = createPublicKey(CLOCKIFY_PUBLIC_KEY_PEM);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const der = key.export({ type: 'spki', format: 'der' });
    expect(createHash('sha256').update(der).digest('hex')).toBe('0cebc449014cf940ad0763e204b29b3a2263abfa1ccd298347c9bd2db2708b16');
  });
});
