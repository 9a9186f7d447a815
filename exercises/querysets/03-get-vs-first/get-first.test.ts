// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, MultipleObjectsReturned } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { byIsbn, latestBy } from './exercise.ts';
import { Edition } from './models.ts';

interface E { isbn: string; title: string; author: string; year: number }

const sets = dataSets<E[]>(
  [
    { isbn: '111', title: 'Dune', author: 'Herbert', year: 1965 },
    { isbn: '222', title: 'Dune Messiah', author: 'Herbert', year: 1969 },
    { isbn: '222', title: 'Children of Dune', author: 'Herbert', year: 1976 },
    { isbn: '333', title: 'Earthsea', author: 'Le Guin', year: 1968 },
  ],
  (random) => {
    const authors = [random.word(6), random.word(7)];
    const rows = Array.from({ length: 8 }, (_, i) => ({ isbn: String(random.int(1000, 9999)) + i, title: `${random.word(6)} ${i}`, author: authors[i % 2]!, year: random.int(1950, 2020) }));
    rows.push({ ...rows[2]!, title: `${random.word(5)} bis`, year: rows[2]!.year }); // a duplicated ISBN, same year as its twin
    return rows;
  },
);

gradeOnDialects('querysets/03-get-vs-first', (t) => {
  t.setup((db) => createTables(db, [Edition]));

  for (const { label, data } of sets) {
    const load = async () => {
      for (const e of data) await Edition.objects.create(e);
    };
    const counts = new Map<string, number>();
    for (const e of data) counts.set(e.isbn, (counts.get(e.isbn) ?? 0) + 1);
    const unique = data.filter((e) => counts.get(e.isbn) === 1);
    const duplicated = data.find((e) => counts.get(e.isbn)! > 1)!;

    t.test(`byIsbn: the edition, null when missing, MultipleObjectsReturned when duplicated (${label})`, async () => {
      await load();
      for (const e of unique) expect((await byIsbn(e.isbn))?.title ?? null, `byIsbn('${e.isbn}')`).toBe(e.title);
      expect(await byIsbn('0000000'), "byIsbn('0000000') (no such edition)").toBeNull();
      await expect(byIsbn(duplicated.isbn), `byIsbn('${duplicated.isbn}') (two editions share it)`).rejects.toBeInstanceOf(MultipleObjectsReturned);
    });

    t.test(`latestBy: the most recent edition, or null (${label})`, async () => {
      await load();
      for (const author of new Set(data.map((e) => e.author))) {
        const mine = data.map((e, i) => ({ ...e, id: i })).filter((e) => e.author === author).sort((a, b) => b.year - a.year || a.id - b.id);
        expect((await latestBy(author))?.title ?? null, `latestBy('${author}')`).toBe(mine[0]!.title);
      }
      expect(await latestBy('Nobody Atall'), "latestBy('Nobody Atall')").toBeNull();
    });
  }
});
