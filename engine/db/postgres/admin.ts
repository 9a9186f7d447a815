import type { DatabaseAdmin } from '../dialect.ts';

export const postgresAdmin: DatabaseAdmin = {
  createDatabaseSql: (name) => `CREATE DATABASE ${name}`,
  // WITH (FORCE) (PostgreSQL 13+) ends connections a crashed test left open.
  dropDatabaseSql: (name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
  listThrowawaysSql: `SELECT datname AS name FROM pg_database WHERE datname LIKE 'wb\\_%'`,
  listTablesSql: `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
  flushSql: (tables) => (tables.length ? [`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`] : []),
};
