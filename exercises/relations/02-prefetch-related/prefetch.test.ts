// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { clubRoster } from './exercise.ts';
import { Club, Member, Membership, models } from './models.ts';

interface Case { members: string[]; clubs: Array<{ name: string; members: number[] }> }

const sets = dataSets<Case>(
  { members: ['Ann', 'Bob'], clubs: [{ name: 'Chess', members: [1, 0] }, { name: 'Go', members: [1] }, { name: 'Poker', members: [] }] },
  (random) => {
    const members = Array.from({ length: 12 }, () => random.word(6));
    const clubs = Array.from({ length: 9 }, (_, i) => ({
      name: `${random.word(5)}${i}`,
      members: i === 4 ? [] : [...new Set(Array.from({ length: random.int(1, 5) }, () => random.int(0, 11)))],
    }));
    return { members, clubs };
  },
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('relations/02-prefetch-related', (t) => {
  t.setup((db: Database) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`every club with its members, in at most 2 queries (${label})`, async (db) => {
      const members: Member[] = [];
      for (const name of data.members) members.push(await Member.objects.create({ name })); // one at a time: ids in order
      for (const [i, c] of data.clubs.entries()) {
        const club = await Club.objects.create({ name: c.name });
        for (const m of c.members) await Membership.objects.create({ club, member: members[m]!, since: 2000 + i });
      }
      const expected = [...data.clubs].sort((a, b) => byText(a.name, b.name)).map((c) => ({ club: c.name, members: c.members.map((m) => data.members[m]!).sort(byText) }));
      const { result, sql } = await statementsOf(db, () => clubRoster());
      expect(result, 'the roster: clubs by name, members by name').toEqual(expected);
      expect(sql.length, `queries run for ${data.clubs.length} clubs (budget: 2)`).toBeLessThanOrEqual(2);
    });
  }
});
