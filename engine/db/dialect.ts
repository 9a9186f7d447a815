// What a database dialect provides. One object per dialect (engine/db/<dialect>/dialect.ts);
// the rest of the engine asks it, never `if (name === 'mysql')`.
import type { Driver, ServerInfo } from './driver.ts';
import { NotSupportedError, type MappedError } from './errors.ts';
import type { Features } from './features.ts';
import type { FunctionSpellings } from '../query/functions/func.ts';
import type { DatabaseUrl, DialectName } from './url.ts';

export interface DriverOptions {
  /** Connections kept by the pool of a server database. */
  poolSize?: number;
  /** How long to wait for a server before giving up, in milliseconds. */
  connectTimeoutMs?: number;
}

export interface Dialect {
  name: DialectName;
  /** The product, for messages: 'SQLite', 'PostgreSQL', 'MySQL/MariaDB'. */
  label: string;
  openDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver>;
  features(info: ServerInfo): Features;
  /** Classify a driver error; undefined leaves it a plain DatabaseError. */
  mapError(err: unknown, url: DatabaseUrl): MappedError | undefined;
  /** Quote a table or column name. */
  quoteName(name: string): string;
  /** The `?` scanner must know whether `\'` escapes a quote in this dialect's strings. */
  backslashEscapes: boolean;
  admin: DatabaseAdmin;
  /** SQL pieces the query compiler needs (engine/db/<dialect>/operations.ts). */
  operations: Operations;
  /** DDL pieces the schema editor needs (engine/db/<dialect>/schema-editor.ts). */
  schema: SchemaDialect;
  /** Database functions this dialect spells its own way (engine/db/<dialect>/functions.ts). */
  functions: FunctionSpellings;
}

/** The statements test runs use to make, list, empty and remove databases and tables. */
export interface DatabaseAdmin {
  /** undefined where a database is a file (SQLite): there is nothing to create on a server. */
  createDatabaseSql?(quotedName: string): string;
  dropDatabaseSql?(quotedName: string): string;
  /** Lists throwaway databases (names starting wb_) in a column `name`. */
  listThrowawaysSql?: string;
  /** Lists the current database's tables in a column `name`. */
  listTablesSql: string;
  /** Empties the tables, run inside one transaction so session settings stay on one connection. */
  flushSql(quotedTables: string[]): string[];
}

/** "name" with embedded quotes doubled: SQLite and PostgreSQL (standard SQL). */
export function quoteDouble(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** The part of every connect-error message that says what to do. */
export function connectHint(label: string, url: DatabaseUrl, envVar: string, example: string): string {
  return (
    `Is ${label} running at ${url.host}:${url.port}? Start it, or point ${envVar} at a server ` +
    `you have (e.g. ${example}); without one, the ${label} tests are skipped unless WORKBOOK_REQUIRE names it.`
  );
}

// ——— What the ORM asks of a dialect (Django's DatabaseOperations and SchemaEditor bits) ———

/** A column as the schema editor sees it: the field's kind and the options that shape its type. */
export interface ColumnSpec {
  /** The field's kind: 'CharField', 'IntegerField', 'AutoField'... */
  kind: string;
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
}

/**
 * How a dialect writes the SQL the compiler and lookups need. `operators` is Django's
 * per-backend table: the right-hand side of each lookup, `%s` standing for the value.
 */
export interface Operations {
  operators: Record<string, string>;
  /** Wraps the column for a lookup where the operator alone is not enough (PostgreSQL's UPPER for iexact). */
  lookupLhs?: Record<string, (sql: string) => string>;
  /** Extract 'year' | 'month' | 'day' from a date or datetime column, as an integer. */
  extract(part: 'year' | 'month' | 'day', sql: string): string;
  /** The date part of a datetime column. */
  castDate(sql: string): string;
  /** LIMIT/OFFSET with validated integers written as literals (as Django does). */
  limitOffset(limit: number | null, offset: number): string;
  /** ORDER BY for a random order. */
  randomFunction: string;
  /** The statement prefix that asks for a plan. */
  explainPrefix: string;
  /** The prefix that runs the query and reports what happened, where there is one (EXPLAIN ANALYZE). */
  explainAnalyzePrefix?: (serverName: string) => string;
  /**
   * A bound value needs a CAST where its type would be guessed from the context (PostgreSQL:
   * text in CASE THEN/ELSE; integer beside an integer column, so 0.5 fails).
   */
  castParameters: boolean;
  /** The driver already parses JSON columns into values (pg's jsonb). */
  jsonParsedByDriver: boolean;
  /** UPDATE/DELETE cannot read their own table in a subquery unless it is a derived table (MySQL; not MariaDB ≥ 10.3.2). */
  derivedTableForSelfReference: boolean;
  /** INSERT of a row with no values at all. */
  insertDefaultValues(table: string): string;
  /** INSERT ... ON CONFLICT/DUPLICATE KEY clauses for bulkCreate. */
  onConflictIgnore(sqlInsert: string): string;
  onConflictUpdate(sqlInsert: string, uniqueColumns: string[], updateColumns: string[]): string;
}

/** DDL differences: column types and the shape of keys, indexes and foreign keys. */
export interface SchemaDialect {
  columnType(column: ColumnSpec): string;
  /** The full column definition of an automatic primary key. */
  autoPrimaryKey(kind: 'AutoField' | 'BigAutoField'): string;
  /** Foreign keys written inside CREATE TABLE (SQLite cannot ALTER TABLE ADD CONSTRAINT). */
  inlineForeignKeys: boolean;
  /** The suffix of a foreign key clause (deferral). */
  foreignKeySuffix: string;
  /** ALTER TABLE ... DROP for a foreign key constraint (MySQL: DROP FOREIGN KEY). */
  dropForeignKey(table: string, name: string): string;
  /** DROP INDEX (MySQL needs the table). */
  dropIndex(table: string, name: string): string;
  /** Statements that drop these tables whatever foreign keys join them, run on one connection. */
  dropTables(tables: string[]): string[];
  /** A literal for DDL, where parameters cannot be bound (CHECK and partial-index conditions). */
  literal(value: unknown): string;
}

/** A column type from a dialect's table: '%maxLength' and friends are filled from the spec. */
export function fillType(table: Record<string, string>, column: ColumnSpec): string {
  const template = table[column.kind];
  if (!template) throw new NotSupportedError(`No column type for a ${column.kind}; give the field a dbType().`);
  return template.replace(/%(\w+)/g, (_, key: string) => String(column[key as keyof ColumnSpec]));
}

/** A value written into DDL text: strings quoted (quotes doubled; backslashes too where they escape). */
export function sqlLiteral(value: unknown, bool: (b: boolean) => string, backslashEscapes = false): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return bool(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  const escaped = backslashEscapes ? text.replace(/\\/g, '\\\\') : text;
  return `'${escaped.replace(/'/g, "''")}'`;
}
