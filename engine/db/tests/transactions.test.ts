import { expect } from 'vitest';
import { IntegrityError, TransactionManagementError } from '../errors.ts';
import { barrier } from '../../testing/barrier.ts';
import { describeDialects } from '../../testing/index.ts';
import { authorNames, createLibrary, dropLibrary } from './schema.ts';

const insertAuthor = 'INSERT INTO author (id, name) VALUES (?, ?)';

describeDialects('atomic blocks and savepoints', (t) => {
  t.setup(createLibrary);
  t.teardown(dropLibrary);

  t.test('a failed nested atomic block rolls back only to its savepoint', async (db) => {
    await db.atomic(async () => {
      await db.execute(insertAuthor, [1, 'outer']);
      await expect(
        db.atomic(async () => {
          await db.execute(insertAuthor, [2, 'inner']);
          await db.execute(insertAuthor, [3, 'outer']); // duplicate name
        }),
      ).rejects.toBeInstanceOf(IntegrityError);
      await db.execute(insertAuthor, [4, 'after']);
    });
    expect(await authorNames(db)).toEqual(['outer', 'after']);
    expect(db.queries.map((q) => q.sql)).toContainEqual(expect.stringMatching(/^ROLLBACK TO SAVEPOINT s\d+$/));
  });

  t.test('an error leaving the outermost block rolls everything back', async (db) => {
    await expect(
      db.atomic(async () => {
        await db.execute(insertAuthor, [1, 'gone']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await authorNames(db)).toEqual([]);
  });

  t.test('a statement after a caught error in the same block is refused with a way out', async (db) => {
    await db.execute(insertAuthor, [1, 'taken']);
    const error = await db
      .atomic(async () => {
        await db.execute(insertAuthor, [2, 'taken']).catch(() => undefined); // swallowed
        await db.query('SELECT 1 AS one');
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransactionManagementError);
    expect(error.message).toMatch(/nested atomic\(\)/);
  });

  t.test('wrapping the risky statement in its own atomic keeps the block usable', async (db) => {
    await db.execute(insertAuthor, [1, 'taken']);
    await db.atomic(async () => {
      await db.atomic(() => db.execute(insertAuthor, [2, 'taken'])).catch(() => undefined);
      await db.execute(insertAuthor, [3, 'fine']);
    });
    expect(await authorNames(db)).toEqual(['taken', 'fine']);
  });

  t.test('explicit savepoint, rollback-to and release', async (db) => {
    await db.atomic(async () => {
      await db.execute(insertAuthor, [1, 'kept']);
      const sid = await db.savepoint();
      await db.execute(insertAuthor, [2, 'undone']);
      await db.savepointRollback(sid);
      const sid2 = await db.savepoint();
      await db.execute(insertAuthor, [3, 'released']);
      await db.savepointCommit(sid2);
    });
    expect(await authorNames(db)).toEqual(['kept', 'released']);
  });

  t.test('rolling back to an unknown savepoint is refused by name', async (db) => {
    await db.atomic(async () => {
      await expect(db.savepointRollback('nope')).rejects.toThrow(/no open savepoint named "nope"/);
    });
  });

  t.test('atomicWrap makes a function transactional', async (db) => {
    const transfer = db.atomicWrap(async (name: string) => {
      await db.execute(insertAuthor, [1, name]);
      if (name === 'bad') throw new Error('refused');
    });
    await expect(transfer('bad')).rejects.toThrow('refused');
    await transfer('good');
    expect(await authorNames(db)).toEqual(['good']);
  });
});

// These need real commits: the suite empties its tables after each test instead.
describeDialects('transactions that commit', (t) => {
  t.setup(createLibrary);
  t.teardown(dropLibrary);

  t.test('onCommit runs after the outermost commit, when the row is visible', async (db) => {
    const seen: string[][] = [];
    await db.atomic(async () => {
      await db.execute(insertAuthor, [1, 'ann']);
      await db.onCommit(async () => void seen.push(await authorNames(db)));
      await db.atomic(() => db.onCommit(async () => void seen.push(['inner'])));
      expect(seen).toEqual([]); // nothing yet: still inside the transaction
    });
    expect(seen).toEqual([['ann'], ['inner']]);
  });

  t.test('onCommit never runs after a rollback', async (db) => {
    let ran = false;
    await expect(
      db.atomic(async () => {
        await db.onCommit(() => void (ran = true));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(ran).toBe(false);
  });

  t.test('a callback registered in a rolled-back savepoint is dropped, the outer one runs', async (db) => {
    const ran: string[] = [];
    await db.atomic(async () => {
      await db.onCommit(() => void ran.push('outer'));
      await db
        .atomic(async () => {
          await db.onCommit(() => void ran.push('inner'));
          throw new Error('inner fails');
        })
        .catch(() => undefined);
      const sid = await db.savepoint();
      await db.onCommit(() => void ran.push('explicit'));
      await db.savepointRollback(sid);
    });
    expect(ran).toEqual(['outer']);
  });

  t.test('savepoint() outside atomic is a TransactionManagementError that says where to call it', async (db) => {
    expect(db.inAtomicBlock).toBe(false);
    await expect(db.savepoint()).rejects.toBeInstanceOf(TransactionManagementError);
    await expect(db.savepoint()).rejects.toThrow(/inside atomic\(\)/);
  });

  t.test('onCommit outside a transaction runs at once', async (db) => {
    let ran = false;
    await db.onCommit(() => void (ran = true));
    expect(ran).toBe(true);
  });

  t.test('concurrent atomic blocks never share a connection', async (db) => {
    if (db.features.supportsConcurrentTransactions) {
      // Both blocks are open at once (the barrier waits for both inserts); each sees only its own row.
      // Neither commits before both have read (READ COMMITTED would show a committed row).
      const bothInserted = barrier(2);
      const bothRead = barrier(2);
      const block = (name: string, id: number) =>
        db.atomic(async () => {
          await db.execute(insertAuthor, [id, name]);
          await bothInserted();
          const names = await authorNames(db);
          await bothRead();
          return names;
        });
      expect(await Promise.all([block('a', 1), block('b', 2)])).toEqual([['a'], ['b']]);
    } else {
      // SQLite: one connection, so the second block waits until the first has committed.
      const events: string[] = [];
      const block = (name: string, id: number) =>
        db.atomic(async () => {
          events.push(`${name} begins`);
          await db.execute(insertAuthor, [id, name]);
          await new Promise((resolve) => setTimeout(resolve, 30));
          events.push(`${name} ends`);
        });
      await Promise.all([block('a', 1), block('b', 2)]);
      expect(events).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    }
    expect((await authorNames(db)).sort()).toEqual(['a', 'b']);
  });
}, { isolation: 'truncate' });

describeDialects('test isolation', (t) => {
  t.setup(createLibrary);
  t.teardown(dropLibrary);
  t.test('a test runs in a transaction that is rolled back afterwards (1/2)', async (db) => {
    await db.execute(insertAuthor, [1, 'temp']);
    expect(await authorNames(db)).toEqual(['temp']);
  });
  t.test('... so the next test starts empty (2/2)', async (db) => {
    expect(await authorNames(db)).toEqual([]);
  });
  t.test('onCommit callbacks never run under rollback isolation, as in Django’s TestCase', async (db) => {
    let ran = false;
    await db.atomic(() => db.onCommit(() => void (ran = true)));
    expect(ran).toBe(false);
  });
});
