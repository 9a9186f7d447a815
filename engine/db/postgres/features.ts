import type { ServerInfo } from '../driver.ts';
import type { Features } from '../features.ts';

export function postgresFeatures(_info: ServerInfo): Features {
  return {
    canReturnColumnsFromInsert: true,
    canRollbackDdl: true,
    hasCaseInsensitiveLike: false, // LIKE compares exactly; ILIKE ignores case
    hasCaseInsensitiveEquality: false,
    nullsOrderAsc: 'last', // NULL is larger than every value
    supportsNullsFirstLast: true,
    hasNativeBoolean: true,
    hasSelectForUpdate: true,
    hasSelectForUpdateNowait: true,
    hasSelectForUpdateSkipLocked: true,
    hasSelectForUpdateOf: true,
    supportsDistinctOn: true,
    supportsAggregateFilterClause: true,
    supportsExplainAnalyze: true,
    supportsIntersectExcept: true,
    supportsCheckConstraints: true,
    supportsPartialIndexes: true,
    enforcesVarcharLength: true,
    maxQueryParams: 65535, // the wire protocol counts parameters in 16 bits
    supportsConcurrentTransactions: true,
    chunkedReads: 'declare',
  };
}
