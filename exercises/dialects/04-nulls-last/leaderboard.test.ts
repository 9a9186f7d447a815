// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { leaderboard } from './exercise.ts';
import { Player } from './models.ts';

const sets = dataSets<Array<{ name: string; score: number | null }>>(
  [
    { name: 'ann', score: 30 },
    { name: 'bob', score: null },
    { name: 'cy', score: 50 },
    { name: 'dee', score: 30 },
    { name: 'eve', score: null },
  ],
  (random) => Array.from({ length: 12 }, (_, i) => ({ name: `${random.word(5)}${i}`, score: random.next() < 0.3 ? null : random.int(0, 20) * 10 })),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('dialects/04-nulls-last', (t) => {
  t.setup((db) => createTables(db, [Player]));

  for (const { label, data } of sets) {
    t.test(`best first, ties by name, unscored last (${label})`, async () => {
      for (const p of data) await Player.objects.create(p);
      const expected = [...data]
        .sort((a, b) => (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) || (b.score ?? 0) - (a.score ?? 0) || byText(a.name, b.name))
        .map((p) => p.name);
      expect(await leaderboard(), 'the leaderboard').toEqual(expected);
    });
  }
});
