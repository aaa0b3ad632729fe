import { describe, expect, it } from 'vitest';

import { stubResolver } from './__tests__/loopback';
import { resolveGuarded, type TGuardOptions } from './guarded-agent';
import { createAllowlist } from './ip-policy';
import { OutboundError, SsrfBlockedError } from './outbound-errors';

function guard(table: Parameters<typeof stubResolver>[0], allow: string[] = []) {
  const stub = stubResolver(table);
  const options: TGuardOptions = { allowlist: createAllowlist(allow), resolver: stub.resolver };

  return { stub, check: (host: string) => resolveGuarded(host, options) };
}

async function blocked(promise: Promise<unknown>): Promise<SsrfBlockedError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SsrfBlockedError);

  return err as SsrfBlockedError;
}

describe('resolveGuarded', () => {
  it('checks IP literals without asking the resolver, naming host and address', async () => {
    const { stub, check } = guard({});
    const err = await blocked(check('0x7f000001'));
    expect(err.code).toBe('SSRF_BLOCKED');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('127.0.0.1');
    await blocked(check('[::ffff:169.254.169.254]'));
    expect(stub.calls).toEqual([]);
  });

  it('S2: metadata and private answers from the resolver are blocked', async () => {
    const { check } = guard({
      'metadata.google.internal': ['169.254.169.254'],
      'ec2.test': ['fd00:ec2::254'],
      'intranet.test': ['10.0.0.5'],
    });
    const err = await blocked(check('metadata.google.internal'));
    expect(err.message).toContain('metadata.google.internal');
    expect(err.message).toContain('169.254.169.254');
    await blocked(check('ec2.test'));
    await blocked(check('intranet.test'));
  });

  it('S3: one bad answer among good ones rejects the whole name', async () => {
    const { check } = guard({ 'mixed.test': ['8.8.8.8', '127.0.0.1'], 'mixed6.test': ['2606:4700::1', '::1'] });
    expect((await blocked(check('mixed.test'))).address).toBe('127.0.0.1');
    expect((await blocked(check('mixed6.test'))).address).toBe('::1');
  });

  it('returns the first checked answer, normalised, to be dialled as is', async () => {
    const { check } = guard({ 'public.test': ['8.8.8.8', '1.1.1.1'], 'mapped.test': ['::ffff:8.8.4.4'] });
    await expect(check('public.test')).resolves.toBe('8.8.8.8');
    await expect(check('mapped.test')).resolves.toBe('8.8.4.4');
  });

  it('S4: each dial resolves once and checks what it got (rebinding)', async () => {
    const { stub, check } = guard({ 'rebind.test': (n) => (n === 1 ? ['8.8.8.8'] : ['127.0.0.1']) });
    await expect(check('rebind.test')).resolves.toBe('8.8.8.8');
    expect((await blocked(check('rebind.test'))).address).toBe('127.0.0.1');
    expect(stub.calls).toEqual(['rebind.test', 'rebind.test']);
  });

  it('localhost names are loopback without DNS', async () => {
    const { stub, check } = guard({});
    for (const host of ['localhost', 'LOCALHOST.', 'api.localhost']) {
      expect((await blocked(check(host))).address).toBe('127.0.0.1');
    }
    expect(stub.calls).toEqual([]);
  });

  it('the allow-list lets a listed address or name through, nothing else', async () => {
    const { check } = guard({ 'internal.test': ['10.1.1.1'], 'other.test': ['10.1.1.1'] }, ['internal.test', '127.0.0.2']);
    await expect(check('internal.test')).resolves.toBe('10.1.1.1');
    await blocked(check('other.test'));
    await expect(check('127.0.0.2')).resolves.toBe('127.0.0.2');
    await blocked(check('127.0.0.3'));
  });

  it('resolver failures, empty and non-IP answers are retryable network errors or refused', async () => {
    const { check } = guard({ 'empty.test': [], 'weird.test': ['not-an-ip'] });
    await expect(check('missing.test')).rejects.toMatchObject({ code: 'HTTP_NETWORK', retryable: true });
    await expect(check('empty.test')).rejects.toMatchObject({ code: 'HTTP_NETWORK' });
    await expect(check('weird.test')).rejects.toBeInstanceOf(OutboundError);
  });
});
