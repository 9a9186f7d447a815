// Django's `connection.queries`: every statement a Database ran, with its parameters and
// duration, kept in a bounded list. Tests and learners read it; assertNumQueries counts it.
import type { SqlValue } from './driver.ts';

export interface LoggedQuery {
  sql: string;
  params: readonly SqlValue[];
  durationMs: number;
  /**
   * 'transaction' for BEGIN/COMMIT/ROLLBACK/SAVEPOINT, 'cursor' for FETCH/CLOSE of a cursor a
   * query opened (iterator()), 'query' for everything else.
   */
  kind: 'query' | 'transaction' | 'cursor';
  /** The error's message when the statement failed. */
  error?: string;
}

const MAX_ENTRIES = 9000; // Django keeps the same number
const TRIM_BATCH = 1000;

export class QueryLog {
  private entries: LoggedQuery[] = [];
  private listeners = new Set<(entry: LoggedQuery) => void>();

  record(entry: LoggedQuery): void {
    this.entries.push(entry);
    // Trim in batches: shift() on a full list would copy 9000 entries on every statement.
    if (this.entries.length > MAX_ENTRIES + TRIM_BATCH) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    for (const listener of this.listeners) listener(entry);
  }

  /** The last 9000 statements, oldest first. */
  get queries(): readonly LoggedQuery[] {
    return this.entries.length > MAX_ENTRIES ? this.entries.slice(-MAX_ENTRIES) : this.entries;
  }

  reset(): void {
    this.entries = [];
  }

  /** Run `fn` and return the statements it ran (transaction control included, marked by kind). */
  async capture<T>(fn: () => Promise<T> | T): Promise<{ result: T; queries: LoggedQuery[] }> {
    const queries: LoggedQuery[] = [];
    const listener = (entry: LoggedQuery) => queries.push(entry);
    this.listeners.add(listener);
    try {
      const result = await fn();
      return { result, queries };
    } finally {
      this.listeners.delete(listener);
    }
  }
}

/** One line per statement, for failure messages: "1. SELECT ... -- params: [1]". */
export function formatQueries(queries: readonly LoggedQuery[]): string {
  if (queries.length === 0) return '  (no queries ran)';
  return queries
    .map((q, i) => {
      const params = q.params.length ? `  -- params: ${JSON.stringify(q.params, jsonSafe)}` : '';
      return `  ${i + 1}. ${q.sql}${params}`;
    })
    .join('\n');
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
