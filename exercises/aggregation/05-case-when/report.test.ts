// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { stockReport } from './exercise.ts';
import { Item } from './models.ts';

type Row = [name: string, stock: number, reorderAt: number];

const sets = dataSets<Row[]>(
  [['flour', 0, 5], ['salt', 3, 2], ['sugar', 1, 4], ['yeast', 0, 1], ['rice', 9, 10]],
  (random) => Array.from({ length: 15 }, (_, i) => [`${random.word(5)}${i}`, random.next() < 0.25 ? 0 : random.int(1, 30), random.int(1, 20)] as Row),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('aggregation/05-case-when', (t) => {
  t.setup((db) => createTables(db, [Item]));

  for (const { label, data } of sets) {
    t.test(`status computed by the database, most urgent first (${label})`, async (db) => {
      for (const [name, stock, reorderAt] of data) await Item.objects.create({ name, stock, reorderAt });
      const status = ([, stock, at]: Row): 'out' | 'low' | 'ok' => (stock === 0 ? 'out' : stock < at ? 'low' : 'ok');
      const urgency = { out: 0, low: 1, ok: 2 } as const;
      const expected = data
        .map((r, id) => ({ name: r[0], status: status(r), id }))
        .sort((a, b) => urgency[a.status] - urgency[b.status] || byText(a.name, b.name) || a.id - b.id)
        .map(({ name, status }) => ({ name, status }));
      const { result, sql } = await statementsOf(db, () => stockReport());
      expect(result, 'the stock report').toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
      expect(sql[0]!.sql, 'the status is computed in SQL').toMatch(/CASE/i);
    });
  }
});
