// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { blogroll } from './exercise.ts';
import { Blogger, Entry, models } from './models.ts';

interface Case { bloggers: string[]; entries: Array<{ title: string; week: number; published: boolean; blogger: number }> }

const sets = dataSets<Case>(
  {
    bloggers: ['Ann', 'Bob', 'Cy'],
    entries: [
      { title: 'Week 4', week: 4, published: true, blogger: 0 },
      { title: 'Week 6', week: 6, published: false, blogger: 0 },
      { title: 'Week 9', week: 9, published: true, blogger: 0 },
      { title: 'Week 2', week: 2, published: false, blogger: 1 },
      { title: 'Week 7', week: 7, published: true, blogger: 2 },
    ],
  },
  (random) => ({
    bloggers: Array.from({ length: 7 }, (_, i) => `${random.word(5)}${i}`),
    entries: Array.from({ length: 25 }, (_, i) => ({ title: `${random.word(6)} ${i}`, week: random.int(1, 12), published: random.next() < 0.6, blogger: random.int(0, 6) })),
  }),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('relations/03-prefetch-objects', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`bloggers with their published entries, in at most 2 queries (${label})`, async (db) => {
      const bloggers: Blogger[] = [];
      for (const name of data.bloggers) bloggers.push(await Blogger.objects.create({ name })); // one at a time: ids in order
      for (const e of data.entries) await Entry.objects.create({ title: e.title, week: e.week, published: e.published, blogger: bloggers[e.blogger]! });
      const expected = data.bloggers
        .map((name, i) => ({ name, i }))
        .sort((a, b) => byText(a.name, b.name) || a.i - b.i)
        .map(({ name, i }) => ({
          blogger: name,
          published: data.entries.map((e, id) => ({ ...e, id })).filter((e) => e.blogger === i && e.published).sort((x, y) => y.week - x.week || x.id - y.id).map((e) => e.title),
        }));
      const { result, sql } = await statementsOf(db, () => blogroll());
      expect(result, 'the blogroll').toEqual(expected);
      expect(sql.length, `queries run for ${data.bloggers.length} bloggers (budget: 2)`).toBeLessThanOrEqual(2);
    });
  }
});
