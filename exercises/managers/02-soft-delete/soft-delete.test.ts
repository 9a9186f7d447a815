// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { Note, Notebook, restore, softDelete } from './exercise.ts';

interface Case { notebooks: Array<{ name: string; notes: string[] }>; deleted: string[] }

const sets = dataSets<Case>(
  { notebooks: [{ name: 'Work', notes: ['plan', 'budget', 'retro'] }], deleted: ['budget'] },
  (random) => {
    const notebooks = Array.from({ length: 3 }, (_, i) => ({ name: random.word(5), notes: Array.from({ length: 4 }, (_, j) => `${random.word(4)}${i}${j}`) }));
    const all = notebooks.flatMap((n) => n.notes);
    return { notebooks, deleted: [...new Set([random.pick(all), random.pick(all), all[0]!])] };
  },
);

const sorted = (xs: unknown[]) => xs.map(String).sort();
const rawCount = async (db: Database) => Number((await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM jotter_note'))[0]!.n);

gradeOnDialects('managers/02-soft-delete', (t) => {
  t.setup((db) => createTables(db, [Notebook, Note]));

  for (const { label, data } of sets) {
    const all = data.notebooks.flatMap((n) => n.notes);
    const live = all.filter((n) => !data.deleted.includes(n));
    const load = async () => {
      const notes = new Map<string, Note>();
      for (const nb of data.notebooks) {
        const notebook = await Notebook.objects.create({ name: nb.name });
        for (const title of nb.notes) notes.set(title, await Note.allObjects.create({ title, notebook }));
      }
      for (const title of data.deleted) await softDelete(notes.get(title)!);
      return notes;
    };

    t.test(`objects hides soft-deleted notes, allObjects sees all, rows stay (${label})`, async (db) => {
      await load();
      expect(sorted(await Note.objects.valuesList('title', { flat: true })), 'Note.objects titles').toEqual(sorted(live));
      expect(sorted(await Note.allObjects.valuesList('title', { flat: true })), 'Note.allObjects titles').toEqual(sorted(all));
      expect(await rawCount(db), 'rows in jotter_note after soft deletes').toBe(all.length);
    });

    t.test(`related managers hide them too: notebook.notes.all() (${label})`, async () => {
      await load();
      for (const nb of data.notebooks) {
        const notebook = await Notebook.objects.get({ name: nb.name });
        const titles = (await notebook.notes.all()).map((n) => n.title);
        expect(sorted(titles), `notes of notebook ${nb.name}`).toEqual(sorted(nb.notes.filter((n) => !data.deleted.includes(n))));
      }
    });

    t.test(`restore brings a note back (${label})`, async () => {
      const notes = await load();
      const back = data.deleted[0]!;
      await restore(notes.get(back)!);
      expect(sorted(await Note.objects.valuesList('title', { flat: true })), `Note.objects after restoring ${back}`).toEqual(sorted([...live, back]));
    });
  }
});
