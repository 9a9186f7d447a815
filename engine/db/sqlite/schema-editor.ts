// SQLite's DDL: few real types (type names only set an affinity), foreign keys written
// inside CREATE TABLE because ALTER TABLE cannot add a constraint.
import { fillType, sqlLiteral, type SchemaDialect } from '../dialect.ts';
import { NotSupportedError } from '../errors.ts';

const types: Record<string, string> = {
  AutoField: 'integer',
  BigAutoField: 'integer',
  BigIntegerField: 'bigint',
  BooleanField: 'bool',
  CharField: 'varchar(%maxLength)',
  DateField: 'date',
  DateTimeField: 'datetime',
  DecimalField: 'decimal',
  FloatField: 'real',
  IntegerField: 'integer',
  JSONField: 'text',
  PositiveIntegerField: 'integer unsigned',
  TextField: 'text',
  UUIDField: 'char(36)',
};

export const sqliteSchema: SchemaDialect = {
  columnType: (c) => fillType(types, c),
  autoPrimaryKey: () => 'integer NOT NULL PRIMARY KEY AUTOINCREMENT',
  inlineForeignKeys: true,
  foreignKeySuffix: 'DEFERRABLE INITIALLY DEFERRED',
  dropForeignKey: () => {
    throw new NotSupportedError('SQLite cannot drop a foreign key without rebuilding the table.');
  },
  dropIndex: (_table, name) => `DROP INDEX ${name}`,
  dropTables: (tables) => tables.map((t) => `DROP TABLE IF EXISTS ${t}`),
  literal: (value) => sqlLiteral(value, (b) => (b ? '1' : '0')),
};
