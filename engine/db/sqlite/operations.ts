// SQLite's SQL for lookups and clauses. LIKE ignores ASCII case here, so contains and
// icontains are the same operator (Django documents this); SQLite has no default LIKE escape.
import type { Operations } from '../dialect.ts';

const like = "LIKE %s ESCAPE '\\'";

export const sqliteOperations: Operations = {
  operators: {
    exact: '= %s',
    iexact: like,
    contains: like,
    icontains: like,
    startswith: like,
    istartswith: like,
    endswith: like,
    iendswith: like,
    gt: '> %s',
    gte: '>= %s',
    lt: '< %s',
    lte: '<= %s',
    // REGEXP calls the regexp() function the driver registers; '(?i)' asks it to ignore case.
    regex: 'REGEXP %s',
    iregex: "REGEXP '(?i)' || %s",
  },
  extract: (part, sql) => `CAST(strftime('${{ year: '%Y', month: '%m', day: '%d' }[part]}', ${sql}) AS INTEGER)`,
  castDate: (sql) => `date(${sql})`,
  limitOffset: (limit, offset) =>
    [limit !== null ? `LIMIT ${limit}` : offset ? 'LIMIT -1' : '', offset ? `OFFSET ${offset}` : ''].filter(Boolean).join(' '),
  randomFunction: 'RANDOM()',
  explainPrefix: 'EXPLAIN QUERY PLAN',
  castParameters: false,
  derivedTableForSelfReference: false,
  jsonParsedByDriver: false,
  insertDefaultValues: (table) => `INSERT INTO ${table} DEFAULT VALUES`,
  onConflictIgnore: (sql) => `${sql} ON CONFLICT DO NOTHING`,
  onConflictUpdate: (sql, unique, update) =>
    `${sql} ON CONFLICT(${unique.join(', ')}) DO UPDATE SET ${update.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
};
