// MySQL and MariaDB share this file: where they differ, the server name and version decide.
import { versionAtLeast, type ServerInfo } from '../driver.ts';
import type { Features } from '../features.ts';

export function mysqlFeatures(info: ServerInfo): Features {
  const v = info.serverVersion;
  const maria = info.serverName === 'MariaDB';
  const sqlMode = info.settings.sqlMode ?? '';
  const caseInsensitive = (info.settings.collation ?? 'utf8mb4_general_ci').endsWith('_ci');
  return {
    canReturnColumnsFromInsert: maria && versionAtLeast(v, '10.5'), // MySQL has no RETURNING
    canRollbackDdl: false, // every DDL statement commits the open transaction
    hasCaseInsensitiveLike: caseInsensitive,
    hasCaseInsensitiveEquality: caseInsensitive, // 'a' = 'A' under *_ci collations
    nullsOrderAsc: 'first',
    supportsNullsFirstLast: false,
    hasNativeBoolean: false, // BOOLEAN is TINYINT(1)
    hasSelectForUpdate: true,
    hasSelectForUpdateNowait: maria ? versionAtLeast(v, '10.3') : versionAtLeast(v, '8.0.1'),
    hasSelectForUpdateSkipLocked: maria ? versionAtLeast(v, '10.6') : versionAtLeast(v, '8.0.1'),
    hasSelectForUpdateOf: !maria && versionAtLeast(v, '8.0.1'),
    supportsDistinctOn: false,
    supportsAggregateFilterClause: false, // neither MySQL nor MariaDB has FILTER
    supportsExplainAnalyze: maria || versionAtLeast(v, '8.0.18'), // MariaDB: ANALYZE SELECT; MySQL: EXPLAIN ANALYZE
    supportsIntersectExcept: maria ? versionAtLeast(v, '10.3') : versionAtLeast(v, '8.0.31'),
    supportsCheckConstraints: maria ? versionAtLeast(v, '10.2.1') : versionAtLeast(v, '8.0.16'),
    supportsPartialIndexes: false,
    enforcesVarcharLength: /STRICT_(TRANS|ALL)_TABLES/.test(sqlMode), // else cut with a warning
    maxQueryParams: 65535,
    supportsConcurrentTransactions: true,
    chunkedReads: 'stream',
  };
}
