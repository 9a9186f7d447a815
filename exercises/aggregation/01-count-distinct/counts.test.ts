// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { writerStats } from './exercise.ts';
import { Award, models, Novel, Writer } from './models.ts';

interface Case { writers: Array<{ name: string; novels: number; awards: number }> }

const sets = dataSets<Case>(
  { writers: [{ name: 'Le Guin', novels: 3, awards: 2 }, { name: 'Herbert', novels: 1, awards: 0 }, { name: 'Lem', novels: 0, awards: 1 }] },
  (random) => ({ writers: Array.from({ length: 8 }, (_, i) => ({ name: `${random.word(6)}${i}`, novels: random.int(0, 5), awards: random.int(0, 4) })) }),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('aggregation/01-count-distinct', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`novels and awards per writer, in one query (${label})`, async (db) => {
      for (const w of data.writers) {
        const writer = await Writer.objects.create({ name: w.name });
        for (let i = 0; i < w.novels; i++) await Novel.objects.create({ title: `${w.name} ${i}`, writer });
        for (let i = 0; i < w.awards; i++) await Award.objects.create({ name: `prize ${i}`, year: 1970 + i, writer });
      }
      const expected = data.writers.map((w, i) => ({ ...w, i })).sort((a, b) => byText(a.name, b.name) || a.i - b.i).map(({ name, novels, awards }) => ({ name, novels, awards }));
      const { result, sql } = await statementsOf(db, () => writerStats());
      expect(result, 'the writers with their counts').toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
    });
  }
});
