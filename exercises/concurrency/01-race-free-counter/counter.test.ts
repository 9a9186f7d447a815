// Graders for README.md. They import your ./exercise.ts. Tests commit for real and run concurrently.
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { assertNumQueries } from '../../../engine/testing/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { PageNotFound, recordView } from './exercise.ts';

interface Page { id: number; path: string; views: number }
interface Case { pages: Page[]; target: number; calls: number }

const sets = dataSets<Case>(
  { pages: [{ id: 1, path: '/home', views: 0 }, { id: 2, path: '/about', views: 41 }], target: 1, calls: 25 },
  (random) => {
    const pages = random.distinctInts(3, 10, 9999).map((id) => ({ id, path: `/${random.word()}`, views: random.int(0, 500) }));
    return { pages, target: random.pick(pages).id, calls: random.int(20, 40) };
  },
);

async function load(db: Database, pages: Page[]) {
  for (const p of pages) await db.execute('INSERT INTO page (id, path, views) VALUES (?, ?, ?)', [p.id, p.path, p.views]);
}

const viewsOf = async (db: Database) =>
  Object.fromEntries((await db.query<{ id: number; views: number }>('SELECT id, views FROM page')).map((r) => [Number(r.id), Number(r.views)]));

gradeOnDialects(
  'concurrency/01-race-free-counter',
  (t) => {
    t.setup((db) => db.execute('CREATE TABLE page (id INTEGER PRIMARY KEY, path VARCHAR(80) NOT NULL, views INTEGER NOT NULL)'));

    for (const { label, data } of sets) {
      const expected = Object.fromEntries(data.pages.map((p) => [p.id, p.id === data.target ? p.views + data.calls : p.views]));

      t.test(`${data.calls} concurrent views are all counted (${label})`, async (db) => {
        await load(db, data.pages);
        await Promise.all(Array.from({ length: data.calls }, () => recordView(db, data.target)));
        expect(await viewsOf(db), 'views per page id after the concurrent calls').toEqual(expected);
      });

      t.test(`one view is one statement (${label})`, async (db) => {
        await load(db, data.pages);
        await assertNumQueries(1, () => recordView(db, data.target), { using: db });
      });

      t.test(`a missing page throws PageNotFound (${label})`, async (db) => {
        await load(db, data.pages);
        const missing = Math.max(...data.pages.map((p) => p.id)) + 1;
        await expect(recordView(db, missing), 'recordView of a missing page').rejects.toBeInstanceOf(PageNotFound);
      });
    }
  },
  { isolation: 'truncate' },
);
