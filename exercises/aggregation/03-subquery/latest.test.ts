// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { Film, models, Review } from '../02-conditional-count/models.ts';
import { latestVerdicts } from './exercise.ts';

interface Case { films: Array<{ title: string; reviews: Array<{ stars: number; day: number }> }> }

const sets = dataSets<Case>(
  {
    films: [
      { title: 'Alien', reviews: [{ stars: 5, day: 1 }, { stars: 4, day: 2 }, { stars: 1, day: 3 }] },
      { title: 'Brazil', reviews: [{ stars: 3, day: 1 }, { stars: 2, day: 2 }] },
      { title: 'Cube', reviews: [] },
    ],
  },
  (random) => ({
    films: Array.from({ length: 8 }, (_, i) => ({
      title: `${random.word(6)}${i}`,
      reviews: Array.from({ length: random.int(0, 5) }, () => ({ stars: random.int(1, 5), day: random.int(1, 9) })),
    })),
  }),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('aggregation/03-subquery', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`each film with the stars of its newest review, in one query (${label})`, async (db) => {
      const created: Array<{ stars: number; day: number; id: number; film: number }> = [];
      for (const [fi, f] of data.films.entries()) {
        const film = await Film.objects.create({ title: f.title });
        for (const r of f.reviews) {
          const review = await Review.objects.create({ film, stars: r.stars, writtenAt: new Date(Date.UTC(2024, 0, r.day, 12)) });
          created.push({ ...r, id: Number(review.pk), film: fi });
        }
      }
      const expected = data.films
        .map((f, i) => ({ ...f, i }))
        .sort((a, b) => byText(a.title, b.title) || a.i - b.i)
        .map((f) => {
          const newest = created.filter((r) => r.film === f.i).sort((a, b) => b.day - a.day || b.id - a.id)[0];
          return { title: f.title, latestStars: newest ? newest.stars : null };
        });
      const { result, sql } = await statementsOf(db, () => latestVerdicts());
      expect(result, 'the films with the stars of their newest review').toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
    });
  }
});
