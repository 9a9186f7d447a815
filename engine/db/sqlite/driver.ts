// better-sqlite3 behind the Driver interface. SQLite is embedded and synchronous: one
// connection per file, guarded by a mutex so a transaction owns it until it ends.
import BetterSqlite3 from 'better-sqlite3';
import type { Driver, DriverConnection, QueryResult, SqlValue } from '../driver.ts';
import { OperationalError } from '../errors.ts';
import { Mutex } from '../mutex.ts';
import { registerUserFunctions } from './user-functions.ts';

const STATEMENT_CACHE_SIZE = 200;

export async function openSqliteDriver(filename: string): Promise<Driver> {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(filename, { timeout: 5000 });
  } catch (err) {
    throw new OperationalError(
      `Cannot open the SQLite database "${filename}": ${(err as Error).message}. Check that its folder exists and is writable.`,
      { cause: err },
    );
  }
  db.pragma('foreign_keys = ON'); // off by default in SQLite; Django turns it on too
  registerUserFunctions(db);
  const lock = new Mutex();
  const statements = new Map<string, BetterSqlite3.Statement>();

  function prepare(sql: string): BetterSqlite3.Statement {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      statements.set(sql, stmt);
    }
    return stmt;
  }

  function run(sql: string, params: readonly SqlValue[]): QueryResult {
    const stmt = prepare(sql);
    const values = params.map(toSqliteValue);
    if (stmt.reader) {
      const rows = stmt.all(...values) as Record<string, unknown>[];
      return { rows, rowCount: rows.length };
    }
    const info = stmt.run(...values);
    return { rows: [], rowCount: info.changes, insertId: info.lastInsertRowid };
  }

  return {
    async acquire(): Promise<DriverConnection> {
      await lock.lock();
      let released = false;
      return {
        run: async (sql, params) => run(sql, params),
        release() {
          if (released) return;
          released = true;
          lock.unlock();
        },
      };
    },
    async serverInfo() {
      const row = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
      return { serverName: 'SQLite', serverVersion: row.v, settings: { filename } };
    },
    async close() {
      db.close();
    },
  };
}

// better-sqlite3 refuses booleans and Dates: store them the way Django's SQLite backend does.
// It binds every JS number as REAL, so CAST(? AS TEXT) of 1 would read '1.0': whole numbers
// go as INTEGER instead, as Python's sqlite3 binds an int.
function toSqliteValue(value: SqlValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}
