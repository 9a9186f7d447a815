import { expect } from 'vitest';
import { ProgrammingError } from '../errors.ts';
import { describeDialects } from '../../testing/index.ts';
import { authorNames, createLibrary, dropLibrary } from './schema.ts';

describeDialects('bound parameters', (t) => {
  t.setup(createLibrary);
  t.teardown(dropLibrary);

  t.test('a value that looks like SQL round-trips as data', async (db) => {
    const hostile = "'); DROP TABLE book; --";
    await db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [1, 'x']);
    await db.execute('INSERT INTO book (id, title, author_id) VALUES (?, ?, ?)', [1, hostile, 1]);
    const rows = await db.query<{ title: string }>('SELECT title FROM book WHERE title = ?', [hostile]);
    expect(rows).toEqual([{ title: hostile }]);
    expect(db.queries.at(-1)!.sql).not.toContain('DROP'); // the value never entered the SQL text
    expect(db.queries.at(-1)!.params).toEqual([hostile]);
  });

  t.test('quotes, backslashes and question marks in values are data too', async (db) => {
    const values = ["O'Brien", 'back\\slash', 'why?', '?', '%_'];
    for (const [i, name] of values.entries()) {
      await db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [i + 1, name]);
    }
    expect(await authorNames(db)).toEqual(values);
  });

  t.test('a ? inside a string literal is not a placeholder', async (db) => {
    const rows = await db.query<{ q: string; v: number }>("SELECT 'is this a ?' AS q, ? AS v", [7]);
    expect(rows[0]!.q).toBe('is this a ?');
    expect(Number(rows[0]!.v)).toBe(7);
  });

  t.test('the wrong number of parameters is refused before the database sees it', async (db) => {
    const before = db.queries.length;
    await expect(db.query('SELECT ? AS a, ? AS b', [1])).rejects.toThrow(ProgrammingError);
    await expect(db.query('SELECT ? AS a, ? AS b', [1])).rejects.toThrow(/2 placeholder\(s\).*1 parameter/);
    expect(db.queries.length).toBe(before);
  });

  t.test('an undefined parameter is a TypeError naming its position', async (db) => {
    await expect(db.query('SELECT ? AS a', [undefined as never])).rejects.toThrow(/Parameter 1 is undefined/);
  });
});

describeDialects('the parameter limit', (t) => {
  t.test('a statement past maxQueryParams is refused with the limit and the way out', async (db) => {
    const n = db.features.maxQueryParams + 1;
    const sql = `SELECT ${Array.from({ length: n }, () => '?').join(', ')}`;
    const error = await db.query(sql, Array.from({ length: n }, () => 1)).catch((e) => e);
    expect(error).toBeInstanceOf(ProgrammingError);
    expect(error.message).toContain(`at most ${db.features.maxQueryParams}`);
    expect(error.message).toMatch(/batchSize/);
  });
}, { isolation: 'none' });
