import { expect } from 'vitest';
import { connect } from '../connect.ts';
import { DataError, IntegrityError, OperationalError, ProgrammingError } from '../errors.ts';
import { describeDialects } from '../../testing/index.ts';
import { createLibrary, dropLibrary } from './schema.ts';

describeDialects('errors are Django’s, whichever driver raised them', (t) => {
  t.setup(createLibrary);
  t.teardown(dropLibrary);

  t.test('a unique violation is an IntegrityError that keeps the driver error', async (db) => {
    await db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [1, 'ann']);
    const error = await db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [2, 'ann']).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toMatch(/Unique constraint violated/);
    expect(error.cause).toBeDefined();
    expect(error.code).toBeDefined();
    expect(error.sql).toContain('INSERT INTO author');
  });

  t.test('a foreign key violation is an IntegrityError', async (db) => {
    const error = await db.execute('INSERT INTO book (id, title, author_id) VALUES (?, ?, ?)', [1, 't', 999]).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toMatch(/Foreign key constraint violated/);
  });

  t.test('a NOT NULL violation is an IntegrityError', async (db) => {
    const error = await db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [1, null]).catch((e) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error.message).toMatch(/NOT NULL constraint violated/);
  });

  t.test('bad SQL is a ProgrammingError', async (db) => {
    await expect(db.query('SELEC 1')).rejects.toBeInstanceOf(ProgrammingError);
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toBeInstanceOf(ProgrammingError);
  });

  // Measured, not assumed: what each database does with 'Annabelle-Lee' (13) in VARCHAR(10).
  t.test('a too-long value behaves as this database really behaves', async (db) => {
    const tooLong = 'Annabelle-Lee';
    const attempt = db.execute('INSERT INTO author (id, name) VALUES (?, ?)', [1, tooLong]);
    if (db.features.enforcesVarcharLength) {
      // PostgreSQL always; MySQL/MariaDB in strict mode (the default since 5.7 / 10.2.4)
      await expect(attempt).rejects.toBeInstanceOf(DataError);
      await expect(attempt).rejects.toThrow(/too long/i);
    } else if (db.dialect.name === 'sqlite') {
      // SQLite ignores the declared length: VARCHAR(10) is only a type-affinity hint.
      await attempt;
      expect(await db.query('SELECT name FROM author')).toEqual([{ name: tooLong }]);
    } else {
      // MySQL/MariaDB without strict mode cut the value to fit, with a warning.
      await attempt;
      expect(await db.query('SELECT name FROM author')).toEqual([{ name: tooLong.slice(0, 10) }]);
    }
  });
});

describeDialects('connecting', (t) => {
  t.test('a closed port gives OperationalError with a hint, quickly', async () => {
    if (t.dialect === 'sqlite') {
      const error = await connect('sqlite:/no/such/dir/db.sqlite3').catch((e) => e);
      expect(error).toBeInstanceOf(OperationalError);
      return;
    }
    const started = Date.now();
    const url = t.dialect === 'postgres' ? 'postgres://postgres@127.0.0.1:1/x' : 'mysql://root@127.0.0.1:1/x';
    const error = await connect(url).catch((e) => e);
    expect(error).toBeInstanceOf(OperationalError);
    expect(error.message).toMatch(/Cannot connect/);
    expect(error.message).toMatch(t.dialect === 'postgres' ? /WORKBOOK_POSTGRES_URL/ : /WORKBOOK_MYSQL_URL/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
}, { isolation: 'none' });
