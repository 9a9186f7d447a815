// Database URLs: postgres://user:pass@host:5432/db, mysql://root@127.0.0.1:3306/db,
// sqlite:///absolute/path.sqlite3, sqlite:relative.sqlite3 or sqlite::memory:.

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

export const DIALECT_NAMES: readonly DialectName[] = ['sqlite', 'postgres', 'mysql'];

export interface DatabaseUrl {
  dialect: DialectName;
  /** SQLite: a file path or ':memory:'. */
  filename?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** The URL as given, with the password masked, for messages and logs. */
  display: string;
}

const SCHEMES: Record<string, DialectName> = {
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  postgres: 'postgres',
  postgresql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
};

export function parseDatabaseUrl(url: string): DatabaseUrl {
  const scheme = /^([a-z0-9]+):/i.exec(url)?.[1]?.toLowerCase();
  const dialect = scheme ? SCHEMES[scheme] : undefined;
  if (!dialect) {
    throw new TypeError(
      `Cannot tell which database "${url}" is for. Start the URL with sqlite:, postgres:// or mysql://, ` +
        `e.g. postgres://postgres@127.0.0.1:5432/postgres`,
    );
  }
  if (dialect === 'sqlite') {
    let filename = url.slice(scheme!.length + 1);
    if (filename.startsWith('//')) filename = filename.slice(2); // sqlite:///abs/path → /abs/path
    if (filename === '' || filename === ':memory:' || filename === '/:memory:') filename = ':memory:';
    return { dialect, filename, display: url };
  }
  const parsed = new URL(url);
  const masked = new URL(url);
  if (masked.password) masked.password = '***';
  return {
    dialect,
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : dialect === 'postgres' ? 5432 : 3306,
    user: decodeURIComponent(parsed.username) || (dialect === 'postgres' ? 'postgres' : 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
    display: masked.toString(),
  };
}

/** The same server with another database name (throwaway databases live beside the admin one). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + encodeURIComponent(database);
  return parsed.toString();
}
