import { describe, expect, it } from 'vitest';

import { isDatabaseUnavailable } from '../src';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception class (08006)', withCode('08006')],
    ['a statement timeout (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['too many connections (53300)', withCode('53300')],
    ['a busy SQLite file', withCode('SQLITE_BUSY', 'database is locked')],
    ['the pool timing out', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ['a client-side read timeout', new Error('Query read timeout')],
    ['a connection that ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a wrapped driver error', Object.assign(new Error('insert failed'), { cause: withCode('ECONNRESET') })],
  ])('recognises %s', (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', withCode('42601')],
    ['a SQLite constraint error', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain error', new Error('something else')],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
