// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { searchByName } from './exercise.ts';

interface Person { id: number; name: string }
interface Case { people: Person[]; terms: string[] }

const mixCase = (s: string, flip: (i: number) => boolean) => [...s].map((c, i) => (flip(i) ? c.toUpperCase() : c.toLowerCase())).join('');

const sets = dataSets<Case>(
  {
    people: [
      { id: 1, name: 'Ann Lee' },
      { id: 2, name: 'ANNA' },
      { id: 3, name: 'Joanne' },
      { id: 4, name: 'Bob' },
      { id: 5, name: 'hannah' },
    ],
    terms: ['anN', 'BOB', 'lee', 'zed'],
  },
  (random) => {
    const stem = random.word(3);
    // Ids in an order unlike insertion order, names that contain the stem in various cases.
    const ids = random.distinctInts(9, 1, 900);
    const people = ids.map((id, i) => ({
      id,
      name: i % 3 === 2 ? random.word(7) : mixCase(`${random.word(2)}${stem}${random.word(2)}`, () => random.next() < 0.5),
    }));
    return { people, terms: [mixCase(stem, (i) => i % 2 === 0), stem.toUpperCase(), random.word(5)] };
  },
);

gradeOnDialects('dialects/01-case-insensitive-search', (t) => {
  t.setup((db) => db.execute('CREATE TABLE person (id INTEGER NOT NULL, name VARCHAR(60) NOT NULL)'));

  for (const { label, data } of sets) {
    t.test(`finds names containing the term in any case, ordered by id (${label})`, async (db) => {
      // Inserted in reverse so that "no ORDER BY" and "ORDER BY id" tend to differ.
      for (const p of [...data.people].reverse()) await db.execute('INSERT INTO person (id, name) VALUES (?, ?)', [p.id, p.name]);
      for (const term of data.terms) {
        const expected = [...data.people].sort((a, b) => a.id - b.id).filter((p) => p.name.toLowerCase().includes(term.toLowerCase())).map((p) => p.name);
        expect(await searchByName(db, term), `searchByName(db, '${term}')`).toEqual(expected);
      }
    });
  }
});
