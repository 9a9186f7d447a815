// The environment variables that steer where databases come from. One place reads them.
import { DIALECT_NAMES, type DialectName } from '../db/url.ts';

export type DbSource = 'auto' | 'containers' | 'servers';
export type ServerDialect = Exclude<DialectName, 'sqlite'>;

export const SERVER_DIALECTS: readonly ServerDialect[] = ['postgres', 'mysql'];

export const DEFAULT_SERVER_URLS: Record<ServerDialect, string> = {
  postgres: 'postgres://postgres@127.0.0.1:5432/postgres',
  mysql: 'mysql://root@127.0.0.1:3306',
};

export const DEFAULT_IMAGES: Record<ServerDialect, string> = {
  postgres: 'postgres:16',
  mysql: 'mysql:8.4',
};

export const URL_VARIABLES: Record<ServerDialect, string> = {
  postgres: 'WORKBOOK_POSTGRES_URL',
  mysql: 'WORKBOOK_MYSQL_URL',
};

export const IMAGE_VARIABLES: Record<ServerDialect, string> = {
  postgres: 'WORKBOOK_POSTGRES_IMAGE',
  mysql: 'WORKBOOK_MYSQL_IMAGE',
};

export interface WorkbookSettings {
  source: DbSource;
  /** Dialects whose absence fails the run (WORKBOOK_REQUIRE). */
  required: DialectName[];
  /** Dialects to run at all (WORKBOOK_DIALECTS, default all three). */
  wanted: DialectName[];
  urls: Partial<Record<ServerDialect, string>>;
  images: Record<ServerDialect, string>;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): WorkbookSettings {
  const source = (env.WORKBOOK_DB_SOURCE || 'auto').toLowerCase();
  if (source !== 'auto' && source !== 'containers' && source !== 'servers') {
    throw new Error(`WORKBOOK_DB_SOURCE is "${source}"; use auto, containers or servers.`);
  }
  const urls: Partial<Record<ServerDialect, string>> = {};
  const images = { ...DEFAULT_IMAGES };
  for (const dialect of SERVER_DIALECTS) {
    const url = env[URL_VARIABLES[dialect]];
    if (url) urls[dialect] = url;
    const image = env[IMAGE_VARIABLES[dialect]];
    if (image) images[dialect] = image;
  }
  return {
    source,
    required: parseDialectList('WORKBOOK_REQUIRE', env.WORKBOOK_REQUIRE, []),
    wanted: parseDialectList('WORKBOOK_DIALECTS', env.WORKBOOK_DIALECTS, [...DIALECT_NAMES]),
    urls,
    images,
  };
}

/** "sqlite,postgres" or "all" → dialect names; anything else is an error naming the choices. */
export function parseDialectList(variable: string, value: string | undefined, fallback: DialectName[]): DialectName[] {
  if (!value || !value.trim()) return fallback;
  if (value.trim() === 'all') return [...DIALECT_NAMES];
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const name of names) {
    if (!(DIALECT_NAMES as readonly string[]).includes(name)) {
      throw new Error(`${variable} names "${name}"; choose from ${DIALECT_NAMES.join(', ')} (or all).`);
    }
  }
  return names as DialectName[];
}
