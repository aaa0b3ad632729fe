/**
 * UNIVERSAL_WEBHOOK_DB_URL in the forms people bring: ours (`postgres://…`, `postgresql://…`, a SQLite file path)
 * and SQLAlchemy's (`postgresql+asyncpg://…`, `postgresql+psycopg://…`, `sqlite+aiosqlite:///./data/x.db`,
 * `sqlite:////abs/x.db`), mapped to what @uw/db opens: a postgresql:// URL or a SQLite file path.
 */
export const ACCEPTED_DATABASE_URLS =
  'postgres://user:pass@host:5432/db (also postgresql://, postgresql+asyncpg://, postgresql+psycopg://), ' +
  'sqlite:///relative/file.db or sqlite:////absolute/file.db (also sqlite+aiosqlite://), or a SQLite file path';

export type TDatabaseUrl = { ok: true; url: string } | { ok: false; message: string };

const POSTGRES = /^postgres(?:ql)?(?:\+[a-z0-9_]+)?:\/\//i;
const SQLITE = /^sqlite(?:\+[a-z0-9_]+)?:\/\/(.*)$/is;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

const refuse = (why: string): TDatabaseUrl => ({ ok: false, message: `${why}; accepted: ${ACCEPTED_DATABASE_URLS}` });

function sqliteFile(rest: string): TDatabaseUrl {
  if (rest === '') return refuse('sqlite:// with no path is an in-memory database that loses everything at exit');
  if (!rest.startsWith('/')) return refuse('a SQLite URL names a file after three slashes (sqlite:///), not a host');
  if (rest.includes('?')) return refuse('SQLite URL options (?…) are not supported');

  return { ok: true, url: rest.slice(1) };
}

/** The URL or path @uw/db takes, or a message naming the accepted forms (never echoing a password). */
export function normalizeDatabaseUrl(raw: string): TDatabaseUrl {
  const value = raw.trim();
  if (POSTGRES.test(value)) return { ok: true, url: value.replace(POSTGRES, 'postgresql://') };
  const sqlite = SQLITE.exec(value);
  if (sqlite) return sqliteFile(sqlite[1] ?? '');
  const scheme = ANY_SCHEME.exec(value)?.[1];
  if (scheme) return refuse(`unsupported database "${scheme}"`);

  return { ok: true, url: value };
}
