// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { tagFor } from './exercise.ts';
import { models, Tag } from './models.ts';

interface Case { existing: string[]; calls: string[] }

const flip = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

const sets = dataSets<Case>(
  { existing: ['Django', 'SQL'], calls: ['django', 'ORM', 'orm', 'Sql'] },
  (random) => {
    const existing = Array.from({ length: 3 }, () => random.word(2).toUpperCase() + random.word(4));
    const fresh = random.word(3) + random.word(3).toUpperCase();
    return { existing, calls: [flip(existing[0]!), fresh, existing[1]!.toLowerCase(), flip(fresh), existing[2]!] };
  },
);

gradeOnDialects('querysets/02-get-or-create-case', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`finds a tag in any case, and creates it as typed when missing (${label})`, async (db) => {
      for (const name of data.existing) await Tag.objects.create({ name });
      const known = [...data.existing];
      for (const call of data.calls) {
        const match = known.find((k) => k.toLowerCase() === call.toLowerCase());
        const { result, sql } = await statementsOf(db, () => tagFor(call));
        const [tag, created] = result;
        expect({ name: tag.name, created }, `tagFor('${call}')`).toEqual({ name: match ?? call, created: !match });
        expect(sql.length, `statements run by tagFor('${call}') (budget: 3)`).toBeLessThanOrEqual(3);
        if (!match) known.push(call);
      }
      const names = (await Tag.objects.valuesList('name', { flat: true })).map(String).sort();
      expect(names, 'tags in the table').toEqual([...known].sort());
    });
  }
});
