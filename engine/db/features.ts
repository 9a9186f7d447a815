// Capability flags, in the spirit of Django's backends/<vendor>/features.py.
// The engine asks these questions instead of testing a dialect's name; each dialect's
// features.ts answers them, some from the server version found at connect.

export interface Features {
  /** INSERT ... RETURNING gives back generated ids and columns. */
  canReturnColumnsFromInsert: boolean;
  /** CREATE/ALTER/DROP inside a transaction are undone by ROLLBACK. */
  canRollbackDdl: boolean;
  /** LIKE (contains, startswith...) ignores the case of ASCII letters by default. */
  hasCaseInsensitiveLike: boolean;
  /** `=` ignores case by default (MySQL's default collations). */
  hasCaseInsensitiveEquality: boolean;
  /** Where NULLs sort in ascending order with no NULLS FIRST/LAST clause. */
  nullsOrderAsc: 'first' | 'last';
  /** The NULLS FIRST / NULLS LAST syntax is understood. */
  supportsNullsFirstLast: boolean;
  /** A real boolean column type (not an integer 0/1). */
  hasNativeBoolean: boolean;
  /** SELECT ... FOR UPDATE locks rows. */
  hasSelectForUpdate: boolean;
  hasSelectForUpdateNowait: boolean;
  hasSelectForUpdateSkipLocked: boolean;
  hasSelectForUpdateOf: boolean;
  /** SELECT DISTINCT ON (fields). */
  supportsDistinctOn: boolean;
  /** COUNT(x) FILTER (WHERE ...): else the engine writes COUNT(CASE WHEN ... THEN x END). */
  supportsAggregateFilterClause: boolean;
  /** EXPLAIN ANALYZE (runs the query and reports real timings). */
  supportsExplainAnalyze: boolean;
  /** INTERSECT and EXCEPT. */
  supportsIntersectExcept: boolean;
  /** CHECK constraints are enforced. */
  supportsCheckConstraints: boolean;
  /** Partial indexes / UNIQUE ... WHERE. */
  supportsPartialIndexes: boolean;
  /** Values longer than a VARCHAR's length raise an error instead of being stored or cut. */
  enforcesVarcharLength: boolean;
  /** Largest number of bound parameters one statement may carry. */
  maxQueryParams: number;
  /** Several transactions can run at once (SQLite: one writer, so atomic blocks are serialized). */
  supportsConcurrentTransactions: boolean;
  /**
   * How iterator() reads a large result a chunk at a time (Django's server-side cursors):
   * 'declare' — DECLARE ... CURSOR and FETCH FORWARD n (PostgreSQL);
   * 'stream' — the driver reads rows off the socket as they are consumed (mysql2);
   * 'pages' — no cursor that can stay open while the loop body writes: LIMIT/OFFSET pages.
   */
  chunkedReads: 'declare' | 'stream' | 'pages';
}
