import { describe, expect, it } from 'vitest';

import { readEnv } from '../src/env';
import { createLogSampler } from '../src/http/log-sampler';
import { isLoopbackAddress } from '../src/http/loopback';
import { createRefusalLimit } from '../src/http/refusal-limit';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::FFFF:127.1.2.3'])(
    '%s is loopback',
    (a) => {
      expect(isLoopbackAddress(a)).toBe(true);
    },
  );

  it.each(['192.0.2.2', '10.0.0.1', '0.0.0.0', '128.0.0.1', '::', '::2', 'fe80::1', '::ffff:10.0.0.1', '1::1', 'localhost', '', undefined])(
    '%s is not',
    (a) => {
      expect(isLoopbackAddress(a)).toBe(false);
    },
  );
});

describe('createRefusalLimit', () => {
  it('lets a client spend its burst, then asks it to wait until a refusal is earned back', () => {
    let t = 0;
    const limit = createRefusalLimit({ burst: 3, perSecond: 0.5, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limit.retryAfter('a')).toBe(0);
      limit.charge('a');
    }
    expect(limit.retryAfter('a')).toBe(2);
    expect(limit.retryAfter('b')).toBe(0);
    t = 2_000;
    expect(limit.retryAfter('a')).toBe(0);
    limit.charge('a');
    expect(limit.retryAfter('a')).toBe(2);
  });

  it('keeps at most maxClients, forgetting the least recently refused', () => {
    const limit = createRefusalLimit({ burst: 1, perSecond: 0.001, maxClients: 2, now: () => 0 });
    limit.charge('a');
    limit.charge('b');
    limit.charge('a');
    limit.charge('c');
    expect(limit.size).toBe(2);
    expect(limit.retryAfter('a')).toBeGreaterThan(0);
    expect(limit.retryAfter('c')).toBeGreaterThan(0);
    expect(limit.retryAfter('b')).toBe(0);
  });
});

describe('createLogSampler', () => {
  it('lets one line per interval through, with the count it held back', () => {
    let t = 0;
    const sampler = createLogSampler(1_000, () => t);
    expect(sampler.take()).toBe(0);
    expect(sampler.take()).toBeNull();
    t = 500;
    expect(sampler.take()).toBeNull();
    t = 1_000;
    expect(sampler.take()).toBe(2);
    expect(sampler.take()).toBeNull();
  });
});

describe('listening and body defaults', () => {
  const production = {
    NODE_ENV: 'production',
    UW_BASE_URL: 'https://uw.example.com',
    UW_ENCRYPTION_KEY: '11'.repeat(32),
    UW_CLOCKIFY_PUBLIC_KEY: 'k',
  };

  it('HOST is 127.0.0.1 unless in production (0.0.0.0) or set', () => {
    expect(readEnv({}).HOST).toBe('127.0.0.1');
    expect(readEnv({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(readEnv(production).HOST).toBe('0.0.0.0');
    expect(readEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('UW_MAX_BODY_BYTES defaults to 1 MiB and is checked', () => {
    expect(readEnv({}).UW_MAX_BODY_BYTES).toBe(1_048_576);
    expect(readEnv({ UW_MAX_BODY_BYTES: '2097152' }).UW_MAX_BODY_BYTES).toBe(2_097_152);
    expect(() => readEnv({ UW_MAX_BODY_BYTES: '10' })).toThrow(/UW_MAX_BODY_BYTES: must be at least 1024/);
  });
});
