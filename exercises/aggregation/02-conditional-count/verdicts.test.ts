// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { verdicts } from './exercise.ts';
import { Film, models, Review } from './models.ts';

interface Case { films: Array<{ title: string; stars: number[] }> }

const sets = dataSets<Case>(
  { films: [{ title: 'Alien', stars: [5, 4, 1] }, { title: 'Brazil', stars: [3, 2] }, { title: 'Cube', stars: [] }] },
  (random) => ({ films: Array.from({ length: 8 }, (_, i) => ({ title: `${random.word(6)}${i}`, stars: Array.from({ length: random.int(0, 6) }, () => random.int(1, 5)) })) }),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('aggregation/02-conditional-count', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`good and bad reviews per film, in one query (${label})`, async (db) => {
      for (const f of data.films) {
        const film = await Film.objects.create({ title: f.title });
        for (const [i, stars] of f.stars.entries()) await Review.objects.create({ film, stars, writtenAt: new Date(Date.UTC(2024, 0, 1 + i)) });
      }
      const expected = data.films
        .map((f, i) => ({ ...f, i }))
        .sort((a, b) => byText(a.title, b.title) || a.i - b.i)
        .map((f) => ({ title: f.title, good: f.stars.filter((s) => s >= 4).length, bad: f.stars.filter((s) => s <= 2).length }));
      const { result, sql } = await statementsOf(db, () => verdicts());
      expect(result, 'the films with their good and bad reviews').toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
    });
  }
});
