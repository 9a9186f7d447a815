import { versionAtLeast, type ServerInfo } from '../driver.ts';
import type { Features } from '../features.ts';

export function sqliteFeatures(info: ServerInfo): Features {
  const v = info.serverVersion;
  return {
    canReturnColumnsFromInsert: versionAtLeast(v, '3.35'),
    canRollbackDdl: true,
    hasCaseInsensitiveLike: true, // ASCII letters only: 'É' LIKE 'é' is false
    hasCaseInsensitiveEquality: false,
    nullsOrderAsc: 'first', // NULL is smaller than every value
    supportsNullsFirstLast: versionAtLeast(v, '3.30'),
    hasNativeBoolean: false,
    hasSelectForUpdate: false, // the whole file is locked by a writer; there are no row locks
    hasSelectForUpdateNowait: false,
    hasSelectForUpdateSkipLocked: false,
    hasSelectForUpdateOf: false,
    supportsDistinctOn: false,
    supportsAggregateFilterClause: versionAtLeast(v, '3.30'),
    supportsExplainAnalyze: false, // EXPLAIN QUERY PLAN only
    supportsIntersectExcept: true,
    supportsCheckConstraints: true,
    supportsPartialIndexes: true,
    enforcesVarcharLength: false, // VARCHAR(n) is a hint; any length is stored
    maxQueryParams: versionAtLeast(v, '3.32') ? 32766 : 999,
    supportsConcurrentTransactions: false,
    // While an iterate() is open on its one connection, better-sqlite3 refuses writes (reads still run).
    chunkedReads: 'pages',
  };
}
