// MySQL/MariaDB's SQL for lookups and clauses. The default collations ignore case for `=`
// and LIKE alike, so the case-sensitive lookups compare as BINARY (Django's choice too).
import type { Operations } from '../dialect.ts';

export const mysqlOperations: Operations = {
  operators: {
    exact: '= %s',
    iexact: 'LIKE %s',
    contains: 'LIKE BINARY %s',
    icontains: 'LIKE %s',
    startswith: 'LIKE BINARY %s',
    istartswith: 'LIKE %s',
    endswith: 'LIKE BINARY %s',
    iendswith: 'LIKE %s',
    gt: '> %s',
    gte: '>= %s',
    lt: '< %s',
    lte: '<= %s',
    regex: 'REGEXP BINARY %s',
    iregex: 'REGEXP %s',
  },
  extract: (part, sql) => `EXTRACT(${part.toUpperCase()} FROM ${sql})`,
  castDate: (sql) => `DATE(${sql})`,
  // MySQL has no OFFSET without LIMIT: the documented idiom is the largest unsigned bigint.
  limitOffset: (limit, offset) =>
    [limit !== null ? `LIMIT ${limit}` : offset ? 'LIMIT 18446744073709551615' : '', offset ? `OFFSET ${offset}` : '']
      .filter(Boolean)
      .join(' '),
  randomFunction: 'RAND()',
  explainPrefix: 'EXPLAIN',
  castParameters: false,
  // MariaDB runs the query with ANALYZE SELECT; MySQL (≥ 8.0.18) spells it EXPLAIN ANALYZE.
  explainAnalyzePrefix: (server) => (server === 'MariaDB' ? 'ANALYZE' : 'EXPLAIN ANALYZE'),
  derivedTableForSelfReference: true,
  jsonParsedByDriver: false,
  insertDefaultValues: (table) => `INSERT INTO ${table} () VALUES ()`,
  onConflictIgnore: (sql) => sql.replace(/^INSERT INTO/, 'INSERT IGNORE INTO'),
  onConflictUpdate: (sql, _unique, update) =>
    `${sql} ON DUPLICATE KEY UPDATE ${update.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
};
