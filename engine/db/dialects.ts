// The three dialects by name.
import type { Dialect } from './dialect.ts';
import { mysqlDialect } from './mysql/dialect.ts';
import { postgresDialect } from './postgres/dialect.ts';
import { sqliteDialect } from './sqlite/dialect.ts';
import type { DialectName } from './url.ts';

export const dialects: Record<DialectName, Dialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
};
