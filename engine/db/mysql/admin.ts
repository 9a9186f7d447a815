import type { DatabaseAdmin } from '../dialect.ts';

export const mysqlAdmin: DatabaseAdmin = {
  createDatabaseSql: (name) => `CREATE DATABASE ${name} CHARACTER SET utf8mb4`,
  dropDatabaseSql: (name) => `DROP DATABASE IF EXISTS ${name}`,
  listThrowawaysSql: `SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'wb\\_%'`,
  listTablesSql: `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`,
  // DELETE rather than TRUNCATE: TRUNCATE would commit the transaction (it is DDL here).
  flushSql: (tables) => ['SET FOREIGN_KEY_CHECKS = 0', ...tables.map((t) => `DELETE FROM ${t}`), 'SET FOREIGN_KEY_CHECKS = 1'],
};
