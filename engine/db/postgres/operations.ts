// PostgreSQL's SQL for lookups and clauses. LIKE compares exactly; ILIKE ignores case.
import type { Operations } from '../dialect.ts';

export const postgresOperations: Operations = {
  operators: {
    exact: '= %s',
    iexact: '= UPPER(%s)',
    contains: 'LIKE %s',
    icontains: 'ILIKE %s',
    startswith: 'LIKE %s',
    istartswith: 'ILIKE %s',
    endswith: 'LIKE %s',
    iendswith: 'ILIKE %s',
    gt: '> %s',
    gte: '>= %s',
    lt: '< %s',
    lte: '<= %s',
    regex: '~ %s',
    iregex: '~* %s',
  },
  lookupLhs: { iexact: (sql) => `UPPER(${sql})` },
  // EXTRACT returns numeric (a string from pg): cast it so the value is a number.
  extract: (part, sql) => `EXTRACT(${part.toUpperCase()} FROM ${sql})::integer`,
  castDate: (sql) => `(${sql})::date`,
  limitOffset: (limit, offset) =>
    [limit !== null ? `LIMIT ${limit}` : '', offset ? `OFFSET ${offset}` : ''].filter(Boolean).join(' '),
  randomFunction: 'RANDOM()',
  explainPrefix: 'EXPLAIN',
  castParameters: true,
  explainAnalyzePrefix: () => 'EXPLAIN ANALYZE',
  derivedTableForSelfReference: false,
  jsonParsedByDriver: true,
  insertDefaultValues: (table) => `INSERT INTO ${table} DEFAULT VALUES`,
  onConflictIgnore: (sql) => `${sql} ON CONFLICT DO NOTHING`,
  onConflictUpdate: (sql, unique, update) =>
    `${sql} ON CONFLICT(${unique.join(', ')}) DO UPDATE SET ${update.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
};
