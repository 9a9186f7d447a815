// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { Film, models, Review } from '../02-conditional-count/models.ts';
import { reviewsPerMonth } from './exercise.ts';

const sets = dataSets<string[]>(
  ['2023-12-10', '2023-12-20', '2024-01-05', '2024-01-06', '2024-01-30', '2024-03-15'],
  (random) => Array.from({ length: 30 }, () => `${random.int(2019, 2022)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`),
);

gradeOnDialects('aggregation/04-group-by-month', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`reviews per month, grouped and counted in one query (${label})`, async (db) => {
      const film = await Film.objects.create({ title: 'Any' });
      for (const day of data) await Review.objects.create({ film, stars: 3, writtenAt: new Date(`${day}T12:00:00Z`) });
      const counts = new Map<string, number>();
      for (const day of data) counts.set(day.slice(0, 7), (counts.get(day.slice(0, 7)) ?? 0) + 1);
      const expected = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, reviews]) => ({ month, reviews }));
      const { result, sql } = await statementsOf(db, () => reviewsPerMonth());
      expect(result, 'reviews per month').toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
      expect(sql[0]!.sql, 'the query groups in the database').toMatch(/GROUP BY/i);
    });
  }
});
