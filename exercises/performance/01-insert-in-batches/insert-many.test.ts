// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import type { Database, SqlValue } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { insertMany } from './exercise.ts';

interface Case { table: string; columns: [string, string]; rows: Array<[string, number]> }

const sets = dataSets<Case>(
  { table: 'fruit', columns: ['name', 'qty'], rows: [['apple', 3], ['pear', 5], ['plum', 0]] },
  (random) => {
    const prefix = random.word(3);
    return { table: 'order', columns: ['group', 'select'], rows: Array.from({ length: 40_000 }, (_, i) => [`${prefix}${i}`, random.int(0, 1000)]) };
  },
);

gradeOnDialects('performance/01-insert-in-batches', (t) => {
  t.setup(async (db) => {
    for (const { data } of sets) {
      const [a, b] = data.columns.map((c) => db.quoteName(c));
      await db.execute(`CREATE TABLE ${db.quoteName(data.table)} (${a} VARCHAR(40) NOT NULL, ${b} INTEGER NOT NULL)`);
    }
  });

  for (const { label, data } of sets) {
    const budget = (db: Database) => Math.ceil((data.rows.length * data.columns.length) / db.features.maxQueryParams);

    t.test(`inserts every row within the statement budget (${label}, ${data.rows.length} rows)`, async (db) => {
      const { result, sql } = await statementsOf(db, () => insertMany(db, data.table, [...data.columns], data.rows as SqlValue[][]));
      expect(result, 'the returned count').toBe(data.rows.length);
      expect(sql.length, `statements run (budget: ${budget(db)} for ${data.rows.length} rows × ${data.columns.length} columns, maxQueryParams ${db.features.maxQueryParams})`).toBeLessThanOrEqual(budget(db));
      for (const q of sql) expect(q.params.length, 'parameters in one statement').toBeLessThanOrEqual(db.features.maxQueryParams);
      const [a, b] = data.columns.map((c) => db.quoteName(c));
      const rows = await db.query<{ a: string; b: number }>(`SELECT ${a} AS a, ${b} AS b FROM ${db.quoteName(data.table)}`);
      const key = (r: [string, number]) => `${r[0]}|${r[1]}`;
      expect(rows.map((r) => key([r.a, Number(r.b)])).sort(), 'rows in the table (any order)').toEqual(data.rows.map(key).sort());
    }, 30_000);
  }

  t.test('no rows: no statement, and 0', async (db) => {
    const { result, sql } = await statementsOf(db, () => insertMany(db, 'fruit', ['name', 'qty'], []));
    expect({ result, statements: sql.length }, 'count and statements for an empty list').toEqual({ result: 0, statements: 0 });
  });
});
