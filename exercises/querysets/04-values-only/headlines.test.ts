// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { headlines } from './exercise.ts';
import { Article, models, Writer } from './models.ts';

interface A { title: string; writer: number; published: boolean; day: number }
interface Case { writers: string[]; articles: A[]; limit: number }

const sets = dataSets<Case>(
  {
    writers: ['Ann', 'Bob'],
    articles: [
      { title: 'Budget passed', writer: 0, published: true, day: 3 },
      { title: 'Storm warning', writer: 1, published: true, day: 5 },
      { title: 'Draft: elections', writer: 0, published: false, day: 9 },
      { title: 'Match report', writer: 1, published: true, day: 4 },
      { title: 'Old news', writer: 0, published: true, day: 1 },
    ],
    limit: 3,
  },
  (random) => ({
    writers: [random.word(5), random.word(6), random.word(4)],
    articles: Array.from({ length: 14 }, (_, i) => ({ title: `${random.word(7)} ${i}`, writer: random.int(0, 2), published: random.next() < 0.7, day: random.int(1, 9) })),
    limit: random.int(3, 6),
  }),
);

gradeOnDialects('querysets/04-values-only', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`the latest published headlines, in one query that does not read body (${label})`, async (db) => {
      const writers: Writer[] = [];
      for (const name of data.writers) writers.push(await Writer.objects.create({ name })); // one at a time: ids in order
      for (const a of data.articles) {
        await Article.objects.create({
          title: a.title,
          body: `${a.title}. `.repeat(200),
          published: a.published,
          publishedAt: new Date(Date.UTC(2024, 0, a.day, 12)),
          writer: writers[a.writer]!,
        });
      }
      const expected = data.articles
        .map((a, id) => ({ ...a, id }))
        .filter((a) => a.published)
        .sort((x, y) => y.day - x.day || x.id - y.id)
        .slice(0, data.limit)
        .map((a) => ({ title: a.title, writer: data.writers[a.writer]! }));
      const { result, sql } = await statementsOf(db, () => headlines(data.limit));
      expect(result, `headlines(${data.limit})`).toEqual(expected);
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
      expect(sql[0]!.sql, 'the query must not read the body column').not.toMatch(/body/i);
    });
  }
});
