// node-postgres (pg) behind the Driver interface, with a pool of connections.
import pg from 'pg';
import type { DriverOptions } from '../dialect.ts';
import type { Driver, DriverConnection, SqlValue } from '../driver.ts';
import { numberPlaceholders } from '../placeholders.ts';
import type { DatabaseUrl } from '../url.ts';

const { Pool, types } = pg;

// Per-pool type parsers: counts (bigint) come back as numbers, DATE stays 'YYYY-MM-DD'
// (no time zone shift), NUMERIC stays a string so decimals are never rounded by a float.
const parsers: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8
  1082: (v) => v, // date
};

export async function openPostgresDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver> {
  const pool = new Pool({
    host: url.host,
    port: url.port,
    user: url.user,
    password: url.password || undefined,
    database: url.database ?? 'postgres',
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
  });
  // An idle client that loses its server would otherwise crash the process.
  pool.on('error', () => undefined);

  return {
    async acquire(): Promise<DriverConnection> {
      const client = await pool.connect();
      let released = false;
      return {
        async run(sql: string, params: readonly SqlValue[]) {
          const result = await client.query({ text: numberPlaceholders(sql), values: params as unknown[] });
          return { rows: result.rows ?? [], rowCount: result.rowCount ?? 0 };
        },
        release() {
          if (released) return;
          released = true;
          client.release();
        },
      };
    },
    async serverInfo() {
      const result = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      const version = /^[\d.]+/.exec(result.rows[0]!.v)?.[0] ?? result.rows[0]!.v;
      return { serverName: 'PostgreSQL', serverVersion: version, settings: {} };
    },
    async close() {
      await pool.end();
    },
  };
}
