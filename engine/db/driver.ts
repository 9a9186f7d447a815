// The narrow interface every driver adapter implements (better-sqlite3, pg, mysql2).
// Everything above it — transactions, the query log, error mapping — is written once.

export type SqlValue = string | number | bigint | boolean | null | Date | Uint8Array;

export interface QueryResult<Row = Record<string, unknown>> {
  /** Rows for statements that return them (SELECT, RETURNING); empty otherwise. */
  rows: Row[];
  /** Rows inserted, updated or deleted, as the driver reports it. */
  rowCount: number;
  /** The id the database generated for the last inserted row, where the driver reports one. */
  insertId?: number | bigint | undefined;
}

/** One physical connection, borrowed from the driver for a statement or a whole transaction. */
export interface DriverConnection {
  /** Run one statement. `sql` uses `?` placeholders; the adapter turns them into its own. */
  run(sql: string, params: readonly SqlValue[]): Promise<QueryResult>;
  /** Give the connection back (to the pool, or unlock SQLite's single connection). */
  release(): void;
  /**
   * Rows of one SELECT as the caller consumes them, `size` at a time, for drivers that can read
   * a result off the socket incrementally. Stopping early closes the connection: its unread
   * rows would otherwise block the next statement.
   */
  stream?(sql: string, params: readonly SqlValue[], size: number): AsyncGenerator<Record<string, unknown>[]>;
}

export interface ServerInfo {
  /** 'SQLite', 'PostgreSQL', 'MySQL' or 'MariaDB': the server that really answered. */
  serverName: string;
  /** e.g. '3.46.1', '15.20', '10.11.19' */
  serverVersion: string;
  /** Session settings that change behaviour, e.g. MySQL's sql_mode. */
  settings: Record<string, string>;
}

export interface Driver {
  acquire(): Promise<DriverConnection>;
  serverInfo(): Promise<ServerInfo>;
  close(): Promise<void>;
}

/** Parse "1.2.3-something" into comparable numbers. */
export function parseVersion(version: string): number[] {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!match) return [0, 0, 0];
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** True when `version` is at least `min` ("3.35" or "10.5.0"). */
export function versionAtLeast(version: string, min: string): boolean {
  const a = parseVersion(version);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return true;
}
