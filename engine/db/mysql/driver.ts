// mysql2 behind the Driver interface, with a pool. Statements with parameters go through
// execute() — server-side prepared statements, so values are never spliced into the SQL
// text. Statements without parameters use query(), since not every statement can be prepared.
import mysql from 'mysql2/promise';
import type { DriverOptions } from '../dialect.ts';
import type { Driver, DriverConnection, SqlValue } from '../driver.ts';
import type { DatabaseUrl } from '../url.ts';
import { streamRows } from './stream.ts';

export async function openMysqlDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver> {
  const pool = mysql.createPool({
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password || undefined,
    database: url.database,
    connectionLimit: options.poolSize ?? 10,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true, // BIGINT beyond 2^53 comes back as a string, not a wrong number
    decimalNumbers: false, // DECIMAL stays a string: no float rounding
    dateStrings: ['DATE'],
    multipleStatements: false,
  });
  // Store and read DATETIME/TIMESTAMP in UTC, whatever the server's own zone is.
  pool.pool.on('connection', (conn) => conn.query("SET time_zone = '+00:00'"));

  return {
    async acquire(): Promise<DriverConnection> {
      const conn = await pool.getConnection();
      let released = false;
      return {
        async run(sql: string, params: readonly SqlValue[]) {
          const [result] =
            params.length > 0
              ? await conn.execute(sql, params.map(toMysqlValue) as never)
              : await conn.query(sql);
          if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], rowCount: result.length };
          const header = result as mysql.ResultSetHeader;
          return { rows: [], rowCount: header.affectedRows, insertId: header.insertId || undefined };
        },
        stream(sql: string, params: readonly SqlValue[], size: number) {
          // A connection destroyed by a stream stopped early must not go back to the pool.
          return streamRows(conn, sql, params.map(toMysqlValue), size, () => (released = true));
        },
        release() {
          if (released) return;
          released = true;
          conn.release();
        },
      };
    },
    async serverInfo() {
      const [rows] = await pool.query('SELECT VERSION() AS v, @@sql_mode AS m, @@collation_database AS c');
      const row = (rows as Array<{ v: string; m: string; c: string }>)[0]!;
      const isMariaDb = /mariadb/i.test(row.v);
      return {
        serverName: isMariaDb ? 'MariaDB' : 'MySQL',
        serverVersion: /^[\d.]+/.exec(row.v)?.[0] ?? row.v,
        settings: { sqlMode: row.m, collation: row.c },
      };
    },
    async close() {
      await pool.end();
    },
  };
}

function toMysqlValue(value: SqlValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
