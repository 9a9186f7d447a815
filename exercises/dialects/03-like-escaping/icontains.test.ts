// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { compileIContains } from './exercise.ts';

interface Case { names: string[]; searches: string[] }

const sets = dataSets<Case>(
  { names: ['50% off', '500 items', 'a_b', 'axb', 'C:\\temp', 'Back\\Slash', '100%_sure'], searches: ['50%', 'a_b', '\\', '%_', 'SLASH'] },
  (random) => {
    const w = () => random.word(3);
    const [p, q, r] = [w(), w(), w()];
    return {
      names: [`${p}%${q}`, `${p}x${q}`, `${q}_${r}`, `${q}${r}`, `${r}\\${p}`, `${r}${p}`, `${p.toUpperCase()}_%`, random.word(8)],
      searches: [`${p}%${q}`, `${q}_${r}`, `${r}\\${p}`, `_%`, p.toUpperCase()],
    };
  },
);

gradeOnDialects('dialects/03-like-escaping', (t) => {
  t.setup((db) => db.execute('CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(60) NOT NULL)'));

  for (const { label, data } of sets) {
    t.test(`matches the user's text literally, ignoring case (${label})`, async (db) => {
      for (const [i, name] of data.names.entries()) await db.execute('INSERT INTO item (id, name) VALUES (?, ?)', [i + 1, name]);
      for (const search of data.searches) {
        const { sql, params } = compileIContains(db, db.quoteName('name'), search);
        const rows = await db.query<{ id: number }>(`SELECT id FROM item WHERE ${sql} ORDER BY id`, params);
        const expected = data.names.flatMap((name, i) => (name.toLowerCase().includes(search.toLowerCase()) ? [i + 1] : []));
        expect(rows.map((r) => Number(r.id)), `ids found for the search ${JSON.stringify(search)} among ${JSON.stringify(data.names)}`).toEqual(expected);
      }
    });
  }
});
