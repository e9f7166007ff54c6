/** Where the database lives, decided once from DATABASE_URL. */
export type DatabaseTarget = { dialect: 'sqlite'; filename: string } | { dialect: 'postgres'; url: string };

/** The default keeps the quick start free of set-up: a SQLite file beside the project. */
export const DEFAULT_DATABASE_URL = 'file:./data/site.db';

/**
 * Parses DATABASE_URL: `postgres://` or `postgresql://` selects PostgreSQL; `file:<path>`,
 * `sqlite:<path>` or `:memory:` select SQLite. Anything else is a configuration error.
 */
export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  const value = url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: 'postgres', url: value };
  if (value === ':memory:') return { dialect: 'sqlite', filename: ':memory:' };
  const sqlite = /^(?:file|sqlite):(?:\/\/)?(.+)$/i.exec(value);
  if (sqlite?.[1]) return { dialect: 'sqlite', filename: sqlite[1] };
  throw new Error(
    `DATABASE_URL "${value}" is not understood: use file:./data/site.db for SQLite or postgres://user@host/db for PostgreSQL`,
  );
}

/** The database for log lines: the SQLite file, or the PostgreSQL URL without its password. */
export function describeDatabase(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') return `SQLite ${target.filename}`;
  const parsed = new URL(target.url);
  if (parsed.password) parsed.password = '***';
  return `PostgreSQL ${parsed.href}`;
}
