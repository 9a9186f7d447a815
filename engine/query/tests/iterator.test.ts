// iterator(): one query read a chunk at a time where the database can (a PostgreSQL cursor, a
// mysql2 stream), LIMIT/OFFSET pages on SQLite. These tests commit for real (isolation
// 'truncate'), because outside a transaction is where the strategies differ most.
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { createTables, dropTables, F, ProgrammingError } from '../../index.ts';
import type { Database } from '../../db/database.ts';
import type { LoggedQuery } from '../../db/query-log.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from '../../models/tests/blog.ts';

async function authors(n: number) {
  return Author.objects.bulkCreate(Array.from({ length: n }, (_, i) => new Author({ name: `A${String(i).padStart(3, '0')}`, email: `a${i}@x.com` })));
}

const kinds = (queries: LoggedQuery[]) => queries.map((q) => `${q.kind}:${q.sql.split(' ').slice(0, 2).join(' ')}`);

describeDialects('iterator(): chunked reads per dialect', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('every row once, in order; the statements show how each database reads in chunks', async (db) => {
    await authors(7);
    const { result: names, queries } = await db.log.capture(async () => {
      const got: string[] = [];
      for await (const a of Author.objects.orderBy('name').iterator({ chunkSize: 3 })) got.push(a.name);
      return got;
    });
    expect(names).toEqual(['A000', 'A001', 'A002', 'A003', 'A004', 'A005', 'A006']);
    const expected: Record<string, string[]> = {
      // Its own transaction, one DECLARE, FETCH until a short chunk, CLOSE.
      postgres: ['transaction:BEGIN', 'query:DECLARE wb_cursor_1', 'cursor:FETCH FORWARD', 'cursor:FETCH FORWARD', 'cursor:FETCH FORWARD', 'cursor:CLOSE wb_cursor_1', 'transaction:COMMIT'],
      // One SELECT whose rows are read off the socket as they are consumed.
      mysql: ['query:SELECT `blog_author`.`id`,'],
      // One SELECT per page.
      sqlite: ['query:SELECT "blog_author"."id",', 'query:SELECT "blog_author"."id",', 'query:SELECT "blog_author"."id",'],
    };
    expect(kinds(queries).map((k) => k.replace(/wb_cursor_\d+/, 'wb_cursor_1'))).toEqual(expected[t.dialect]);
  });

  t.test('in key order SQLite pages by key, not OFFSET; ties in any other order neither repeat nor vanish', async (db) => {
    await Author.objects.bulkCreate(['b', 'a', 'b', 'c', 'a', 'b', 'a'].map((name, i) => new Author({ name, email: `t${i}@x.com` })));
    const ids = await Author.objects.orderBy('id').valuesList('id', { flat: true });
    const walk = async (qs: ReturnType<typeof Author.objects.all>) => {
      const seen: number[] = [];
      for await (const a of qs.iterator({ chunkSize: 2 })) seen.push(a.id);
      return seen;
    };
    const { result: forward, queries } = await db.log.capture(() => walk(Author.objects.orderBy('pk')));
    expect(forward).toEqual(ids);
    expect(await walk(Author.objects.orderBy('-pk'))).toEqual([...ids].reverse());
    // Seven rows sorted by a name that repeats (Author's Meta.ordering): each row exactly once, ties broken by the key.
    const { result: byName, queries: byNameQueries } = await db.log.capture(() => walk(Author.objects.all()));
    expect([...byName].sort((x, y) => x - y)).toEqual(ids);
    const nameOf = new Map((await Author.objects.valuesList('id', 'name')).map(([id, name]) => [id, name]));
    const names = byName.map((id) => nameOf.get(id));
    expect(names).toEqual([...names].sort());
    if (t.dialect === 'sqlite') {
      const selects = queries.map((q) => q.sql);
      expect(selects).toHaveLength(4); // 2 + 2 + 2 + 1 rows
      expect(selects.slice(1).every((sql) => /"blog_author"\."id" > \?/.test(sql) && !/OFFSET/.test(sql))).toBe(true);
      // OFFSET pages need a total order: the key breaks ties between equal names.
      expect(byNameQueries.every((q) => q.sql.includes('ORDER BY "blog_author"."name" ASC, "blog_author"."id" ASC'))).toBe(true);
    }
  });

  t.test('stopping early frees the connection: ten early stops on a pool of five', async (db) => {
    await authors(50);
    for (let i = 0; i < 10; i++) {
      let seen = 0;
      for await (const _ of Author.objects.iterator({ chunkSize: 4 })) if (++seen === 2) break;
      expect(seen).toBe(2);
    }
    // A leaked connection (an open cursor, a half-read stream) would make this wait forever.
    expect(await Author.objects.count()).toBe(50);
    if (t.dialect === 'postgres') {
      const open = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_cursors');
      expect(open[0]!.n).toBe(0);
    }
  });

  t.test('inside atomic the loop body can write through the same transaction', async (db) => {
    await authors(10);
    await db.atomic(async () => {
      for await (const a of Author.objects.orderBy('id').iterator({ chunkSize: 3 })) {
        await Post.objects.create({ title: `by ${a.name}`, author: a, views: 1 });
        await Author.objects.filter({ pk: a.pk }).update({ name: F('email') });
      }
    });
    expect(await Post.objects.count()).toBe(10);
    expect(await Author.objects.filter({ name__endswith: '@x.com' }).count()).toBe(10);
    // A failure in the body rolls the whole block back, cursor and all.
    await expect(
      db.atomic(async () => {
        for await (const a of Author.objects.iterator({ chunkSize: 3 })) {
          await Post.objects.create({ title: `again ${a.name}`, author: a, views: 1 });
          throw new Error('stop here');
        }
      }),
    ).rejects.toThrow('stop here');
    expect(await Post.objects.count()).toBe(10);
  });

  t.test('prefetchRelated() runs once per chunk; values() and an empty queryset stream too', async (db) => {
    const [ann, bob] = await authors(5);
    await Post.objects.create({ title: 'x', author: ann!, views: 1 });
    await Post.objects.create({ title: 'y', author: bob!, views: 2 });
    const { result: counts, queries } = await db.log.capture(async () => {
      const got: number[] = [];
      for await (const a of Author.objects.orderBy('name').prefetchRelated('posts').iterator({ chunkSize: 2 })) got.push((await a.posts.all()).length);
      return got;
    });
    expect(counts).toEqual([1, 1, 0, 0, 0]);
    // 3 chunks: one prefetch query each, beside the reads themselves.
    expect(queries.filter((q) => q.kind === 'query' && q.sql.includes('blog_post')).length).toBe(3);
    const rows: unknown[] = [];
    for await (const row of Author.objects.orderBy('name').valuesList('name', { flat: true }).iterator({ chunkSize: 2 })) rows.push(row);
    expect(rows).toEqual(['A000', 'A001', 'A002', 'A003', 'A004']);
    for await (const _ of Author.objects.none().iterator()) throw new Error('none() yields nothing');
  });

  t.test('db.chunks(): a bad statement is a ProgrammingError and leaves the pool usable', async (db: Database) => {
    const read = async () => {
      for await (const _ of db.chunks('SELECT no_such_column FROM blog_author', [], 10)) break;
    };
    if (t.dialect === 'sqlite') {
      await expect(read()).rejects.toThrow(/no cursor that stays open while other statements write/);
      return;
    }
    for (let i = 0; i < 6; i++) await expect(read()).rejects.toBeInstanceOf(ProgrammingError);
    expect(await Author.objects.count()).toBe(0);
  });
}, { isolation: 'truncate' });

// Why SQLite pages instead: the driver's own rule, measured here rather than assumed.
test('better-sqlite3 refuses a write while an iterate() cursor is open on the connection (reads still run)', () => {
  const raw = new BetterSqlite3(':memory:');
  try {
    raw.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const cursor = raw.prepare('SELECT x FROM t').iterate();
    cursor.next();
    expect(() => raw.prepare('UPDATE t SET x = x + 1').run()).toThrow(/This database connection is busy executing a query/);
    expect(raw.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3 });
    cursor.return?.();
    expect(raw.prepare('UPDATE t SET x = x + 1').run().changes).toBe(3);
  } finally {
    raw.close();
  }
});
