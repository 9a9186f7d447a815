// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import './exercise.ts'; // registers the lookup
import { Crate } from './models.ts';

declare module '../../../engine/models/types.ts' {
  interface LookupNames {
    divisibleby: true;
  }
}

interface Case { crates: Array<[string, number]>; divisors: number[] }

const sets = dataSets<Case>(
  { crates: [['a', 6], ['b', 12], ['c', 7], ['d', 0], ['e', 18]], divisors: [6] },
  (random) => ({
    crates: Array.from({ length: 14 }, (_, i) => [`${random.word(4)}${i}`, random.int(0, 200)] as [string, number]),
    divisors: [random.int(3, 9), random.int(11, 17)],
  }),
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('lookups/01-custom-lookup', (t) => {
  t.setup((db) => createTables(db, [Crate]));

  for (const { label, data } of sets) {
    t.test(`filter and exclude with bottles__divisibleby, value as a parameter (${label})`, async (db) => {
      for (const [name, bottles] of data.crates) await Crate.objects.create({ label: name, bottles });
      for (const d of data.divisors) {
        const want = data.crates.filter(([, n]) => n % d === 0).map(([l]) => l).sort(byText);
        const { result, sql } = await statementsOf(db, () => Crate.objects.filter({ bottles__divisibleby: d }).orderBy('label').valuesList('label', { flat: true }));
        expect(result, `labels with bottles__divisibleby: ${d}`).toEqual(want);
        expect(sql[0]?.params, `parameters of the query (the divisor ${d} must be one of them)`).toContain(d);
        expect(sql[0]?.sql, 'the SQL text must not contain the divisor').not.toMatch(new RegExp(`[^0-9?]${d}\\b`));
        const rest = await Crate.objects.exclude({ bottles__divisibleby: d }).orderBy('label').valuesList('label', { flat: true });
        expect(rest, `labels with exclude({ bottles__divisibleby: ${d} })`).toEqual(data.crates.map(([l]) => l).filter((l) => !want.includes(l)).sort(byText));
      }
    });
  }
});
