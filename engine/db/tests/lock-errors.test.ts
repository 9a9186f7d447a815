import { rm } from 'node:fs/promises';
import { expect } from 'vitest';
import { connect } from '../connect.ts';
import { DataError, OperationalError } from '../errors.ts';
import { barrier } from '../../testing/barrier.ts';
import { describeDialects } from '../../testing/index.ts';

const setupCounter = async (db: import('../database.ts').Database) => {
  await db.execute('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
};
const dropCounter = async (db: import('../database.ts').Database) => void (await db.execute('DROP TABLE IF EXISTS counter'));

describeDialects('values out of range', (t) => {
  t.setup(setupCounter);
  t.teardown(dropCounter);

  // 2^31 does not fit a 32-bit INTEGER column, except in SQLite, whose INTEGER holds 64 bits.
  t.test('an integer too large for its column', async (db) => {
    const attempt = db.execute('INSERT INTO counter (id, n) VALUES (?, ?)', [1, 2 ** 31]);
    if (db.dialect.name === 'sqlite') {
      await attempt;
      expect(await db.query('SELECT n FROM counter')).toEqual([{ n: 2 ** 31 }]);
    } else {
      await expect(attempt).rejects.toBeInstanceOf(DataError);
    }
  });
});

describeDialects('locks', (t) => {
  t.setup(setupCounter);
  t.teardown(dropCounter);
  const seed = (db: import('../database.ts').Database) => db.execute('INSERT INTO counter (id, n) VALUES (1, 0), (2, 0)');

  t.test('waiting too long for a lock is an OperationalError', async (db) => {
    if (!db.features.supportsConcurrentTransactions) {
      // SQLite locks the whole file: a second connection meets the writer's lock and gives
      // up after its busy timeout.
      const error = await lockedSqliteFile().catch((e) => e);
      expect(error).toBeInstanceOf(OperationalError);
      expect(error.message).toMatch(/database is locked/);
      return;
    }
    await seed(db);
    const held = barrier(2);
    const released = barrier(2);
    const holder = db.atomic(async () => {
      await db.execute('UPDATE counter SET n = n + 1 WHERE id = 1');
      await held();
      await released();
    });
    const waiter = db.atomic(async () => {
      await held();
      // PostgreSQL takes milliseconds; MySQL's smallest lock wait is one second.
      const shortWait = db.dialect.name === 'postgres' ? "SET LOCAL lock_timeout = '200ms'" : 'SET SESSION innodb_lock_wait_timeout = 1';
      await db.execute(shortWait);
      try {
        await db.execute('UPDATE counter SET n = n + 1 WHERE id = 1');
      } finally {
        await released();
      }
    });
    const error = await waiter.catch((e) => e);
    await holder;
    expect(error).toBeInstanceOf(OperationalError);
    expect(error.message).toMatch(/lock/i);
  });

  t.test('a deadlock is an OperationalError that says to retry', async (db) => {
    await seed(db);
    if (!db.features.supportsConcurrentTransactions) {
      // SQLite serializes atomic blocks on its one connection, so they cannot deadlock.
      await Promise.all([db.atomic(() => db.execute('UPDATE counter SET n = n + 1 WHERE id = 1')), db.atomic(() => db.execute('UPDATE counter SET n = n + 1 WHERE id = 2'))]);
      expect(await db.query('SELECT n FROM counter ORDER BY id')).toEqual([{ n: 1 }, { n: 1 }]);
      return;
    }
    const firstLocks = barrier(2);
    const cross = (first: number, second: number) =>
      db.atomic(async () => {
        await db.execute('UPDATE counter SET n = n + 1 WHERE id = ?', [first]);
        await firstLocks();
        await db.execute('UPDATE counter SET n = n + 1 WHERE id = ?', [second]);
      });
    const outcomes = await Promise.allSettled([cross(1, 2), cross(2, 1)]);
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failures).toHaveLength(1); // the database picks one victim; the other commits
    expect(failures[0]!.reason).toBeInstanceOf(OperationalError);
    expect(failures[0]!.reason.message).toMatch(/deadlock/i);
    expect(failures[0]!.reason.message).toMatch(/retry/i);
  }, 15_000);
}, { isolation: 'truncate' });

/** Two connections to one SQLite file: the second writes while the first holds the lock. */
async function lockedSqliteFile(): Promise<void> {
  const file = `/tmp/wb-lock-${process.pid}-${Date.now()}.sqlite3`;
  const a = await connect(`sqlite:${file}`);
  const b = await connect(`sqlite:${file}`);
  try {
    await a.execute('CREATE TABLE c (n INTEGER)');
    await b.execute('PRAGMA busy_timeout = 100');
    await a.atomic(async () => {
      await a.execute('INSERT INTO c (n) VALUES (1)');
      await b.execute('INSERT INTO c (n) VALUES (2)');
    });
  } finally {
    await a.close();
    await b.close();
    await rm(file, { force: true });
  }
}
