// MySQL/MariaDB's DDL: DATETIME(6) keeps microseconds, BOOL is TINYINT(1), TEXT cannot be
// UNIQUE without a length, and foreign keys are checked at once (no deferral).
import { fillType, sqlLiteral, type SchemaDialect } from '../dialect.ts';

const types: Record<string, string> = {
  AutoField: 'integer',
  BigAutoField: 'bigint',
  BigIntegerField: 'bigint',
  BooleanField: 'bool',
  CharField: 'varchar(%maxLength)',
  DateField: 'date',
  DateTimeField: 'datetime(6)',
  DecimalField: 'numeric(%maxDigits, %decimalPlaces)',
  FloatField: 'double precision',
  IntegerField: 'integer',
  JSONField: 'json',
  PositiveIntegerField: 'integer UNSIGNED',
  TextField: 'longtext',
  UUIDField: 'char(36)',
};

export const mysqlSchema: SchemaDialect = {
  columnType: (c) => fillType(types, c),
  autoPrimaryKey: (kind) => `${kind === 'AutoField' ? 'integer' : 'bigint'} AUTO_INCREMENT NOT NULL PRIMARY KEY`,
  inlineForeignKeys: false,
  foreignKeySuffix: '',
  dropForeignKey: (table, name) => `ALTER TABLE ${table} DROP FOREIGN KEY ${name}`,
  dropIndex: (table, name) => `DROP INDEX ${name} ON ${table}`,
  // Foreign key checks are per session: the statements run on one connection (an atomic block).
  dropTables: (tables) => ['SET FOREIGN_KEY_CHECKS = 0', ...tables.map((t) => `DROP TABLE IF EXISTS ${t}`), 'SET FOREIGN_KEY_CHECKS = 1'],
  literal: (value) => sqlLiteral(value, (b) => (b ? '1' : '0'), true),
};
