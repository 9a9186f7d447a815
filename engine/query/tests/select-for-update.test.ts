import { expect } from 'vitest';
import { createTables, dropTables, NotSupportedError, OperationalError, TransactionManagementError } from '../../index.ts';
import { barrier } from '../../testing/barrier.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from '../../models/tests/blog.ts';

const seed = async () => {
  const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
  const [a, b] = await Post.objects.bulkCreate([new Post({ title: 'A', author: ann }), new Post({ title: 'B', author: ann })]);
  return { ann, a: a!, b: b! };
};

describeDialects('selectForUpdate()', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('outside atomic() it is refused where rows can be locked; SQLite ignores it, as Django does', async (db) => {
    await seed();
    const locked = Post.objects.selectForUpdate().orderBy('title');
    if (db.features.hasSelectForUpdate) {
      await expect(locked.list()).rejects.toThrow(new TransactionManagementError('selectForUpdate() cannot be used outside of a transaction: run it inside db.atomic(async () => { ... }).'));
    } else {
      expect((await locked).map((p) => p.title)).toEqual(['A', 'B']);
      expect(db.queries.at(-1)!.sql).not.toContain('FOR UPDATE');
    }
    const titles = await db.atomic(async () => (await locked).map((p) => p.title));
    expect(titles).toEqual(['A', 'B']);
  });

  t.test('the clause per dialect: FOR UPDATE, NOWAIT, SKIP LOCKED, OF', (db) => {
    const sql = (qs: { sql(): { sql: string } }) => qs.sql().sql;
    const base = Post.objects.filter({ published: false }).selectForUpdate();
    const name = db.dialect.name;
    expect(sql(base).endsWith('FOR UPDATE')).toBe(name !== 'sqlite');
    expect(sql(Post.objects.selectForUpdate({ skipLocked: true })).endsWith(name === 'sqlite' ? '"blog_post"' : 'FOR UPDATE SKIP LOCKED')).toBe(true);
    expect(sql(Post.objects.selectForUpdate({ nowait: true })).endsWith(name === 'sqlite' ? '"blog_post"' : 'FOR UPDATE NOWAIT')).toBe(true);
    const withOf = () => sql(Post.objects.selectRelated('author').selectForUpdate({ of: ['self'] }));
    if (db.features.hasSelectForUpdateOf) expect(withOf()).toMatch(/FOR UPDATE OF "blog_post"$/);
    else if (db.features.hasSelectForUpdate) expect(withOf).toThrow(new NotSupportedError(`selectForUpdate({ of }) is not supported by ${db.vendor}.`)); // MariaDB has no OF
    else expect(withOf()).not.toContain('FOR UPDATE'); // SQLite: a no-op
    expect(() => Post.objects.selectForUpdate({ nowait: true, skipLocked: true })).toThrow(/cannot be used with skipLocked/);
  });

  t.test('a second transaction: NOWAIT fails at once, SKIP LOCKED passes over the locked row', async (db) => {
    if (!db.features.hasSelectForUpdate) return; // SQLite: no row locks (the lock-errors test shows its file lock)
    const { a } = await seed();
    const held = barrier(2);
    const done = barrier(2);
    const holder = db.atomic(async () => {
      await Post.objects.selectForUpdate().filter({ pk: a.pk }).list();
      await held();
      await done();
    });
    await held();
    try {
      const error = await db.atomic(() => Post.objects.selectForUpdate({ nowait: true }).filter({ pk: a.pk }).list()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OperationalError);
      const free = await db.atomic(async () => (await Post.objects.selectForUpdate({ skipLocked: true }).orderBy('title')).map((p) => p.title));
      expect(free).toEqual(['B']);
    } finally {
      await done();
      await holder;
    }
  });
}, { isolation: 'truncate' });
