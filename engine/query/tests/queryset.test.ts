import { expect } from 'vitest';
import { createTables, dropTables, F } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Comment, Post } from '../../models/tests/blog.ts';

async function seed() {
  const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com', bio: 'b' });
  const bob = await Author.objects.create({ name: 'Bob', email: 'bob@x.com' });
  const cy = await Author.objects.create({ name: 'Cy', email: 'cy@x.com', bio: 'a' });
  return { ann, bob, cy };
}
const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

describeDialects('querysets', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('the SQL of a filter, per dialect (quoting, placeholders, default ordering)', async (db) => {
    const { sql, params } = Author.objects.filter({ name__icontains: 'an' }).sql();
    const q = (n: string) => db.quoteName(n);
    const cols = ['id', 'name', 'email', 'bio'].map((c) => `${q('blog_author')}.${q(c)}`).join(', ');
    const where = {
      sqlite: `${q('blog_author')}.${q('name')} LIKE ? ESCAPE '\\'`,
      postgres: `"blog_author"."name" ILIKE ?`,
      mysql: '`blog_author`.`name` LIKE ?',
    }[db.dialect.name];
    expect(sql).toBe(`SELECT ${cols} FROM ${q('blog_author')} WHERE ${where} ORDER BY ${q('blog_author')}.${q('name')} ASC`);
    expect(params).toEqual(['%an%']);
  });

  t.test('the SQL of selectRelated (INNER for a required FK, LEFT OUTER for a nullable one) and of writes', async (db) => {
    const q = (n: string) => db.quoteName(n);
    const sql = Post.objects.selectRelated('author', 'editor').only('title').sql().sql;
    expect(sql).toBe(
      `SELECT ${q('blog_post')}.${q('id')}, ${q('blog_post')}.${q('title')}, ` +
        ['id', 'name', 'email', 'bio'].map((c) => `${q('blog_author')}.${q(c)} AS ${q(`author__${c}`)}`).join(', ') + ', ' +
        ['id', 'name', 'email', 'bio'].map((c) => `${q('T3')}.${q(c)} AS ${q(`editor__${c}`)}`).join(', ') +
        ` FROM ${q('blog_post')} INNER JOIN ${q('blog_author')} ON (${q('blog_post')}.${q('author_id')} = ${q('blog_author')}.${q('id')})` +
        ` LEFT OUTER JOIN ${q('blog_author')} ${q('T3')} ON (${q('blog_post')}.${q('editor_id')} = ${q('T3')}.${q('id')})`,
    );
    const { queries } = await db.log.capture(async () => {
      const a = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
      await Author.objects.filter({ pk: a.pk }).update({ bio: 'x' });
      await Author.objects.filter({ pk: a.pk }).delete();
    });
    const returning = db.features.canReturnColumnsFromInsert ? ` RETURNING ${q('id')}` : '';
    expect(queries.filter((x) => x.kind === 'query').map((x) => x.sql)).toEqual([
      `INSERT INTO ${q('blog_author')} (${q('name')}, ${q('email')}, ${q('bio')}) VALUES (?, ?, ?)${returning}`,
      `UPDATE ${q('blog_author')} SET ${q('bio')} = ? WHERE ${q('blog_author')}.${q('id')} = ?`,
      // Posts point at authors: the collector looks for them first (none), then deletes.
      expect.stringMatching(/^SELECT .* FROM .*blog_author.* WHERE .*blog_author.*\.?.*id.* = \?/),
      expect.stringMatching(/^SELECT .* FROM .*blog_post.* WHERE .*author_id.* IN \(\?\)/),
      expect.stringMatching(/^SELECT .* FROM .*blog_post.* WHERE .*editor_id.* IN \(\?\)/),
      `DELETE FROM ${q('blog_author')} WHERE ${q('id')} IN (?)`,
    ]);
  });

  t.test('querysets are lazy, immutable and cache their rows', async (db) => {
    await seed();
    const before = db.queries.length;
    const all = Author.objects.all();
    const filtered = all.filter({ name: 'Ann' });
    expect(db.queries.length).toBe(before);
    expect(filtered).not.toBe(all);
    expect(names(await all)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(names(await all)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(await all.count()).toBe(3);
    expect(db.queries.length).toBe(before + 1);
    const seen: string[] = [];
    for await (const a of filtered) seen.push(a.name);
    expect(seen).toEqual(['Ann']);
  });

  t.test('orderBy: fields, -desc, related fields, reverse(), random', async () => {
    const { ann, cy } = await seed();
    expect(names(await Author.objects.orderBy('-name'))).toEqual(['Cy', 'Bob', 'Ann']);
    expect(names(await Author.objects.orderBy('-name').reverse())).toEqual(['Ann', 'Bob', 'Cy']);
    await Post.objects.create({ title: 'p1', author: cy });
    await Post.objects.create({ title: 'p2', author: ann });
    const byAuthor = await Post.objects.orderBy('author__name').valuesList('title', { flat: true });
    expect(byAuthor).toEqual(['p2', 'p1']);
    expect((await Author.objects.orderBy('?')).length).toBe(3);
  });

  t.test('ordering of NULLs: where each database puts them, and nullsFirst/nullsLast', async (db) => {
    await seed();
    const asc = await Author.objects.orderBy('bio', 'name').valuesList('name', { flat: true });
    // SQLite and MySQL sort NULL first in ascending order; PostgreSQL sorts it last.
    expect(asc).toEqual(db.features.nullsOrderAsc === 'first' ? ['Bob', 'Cy', 'Ann'] : ['Cy', 'Ann', 'Bob']);
    expect(db.features.nullsOrderAsc).toBe(db.dialect.name === 'postgres' ? 'last' : 'first');
    const last = await Author.objects.orderBy(F('bio').asc({ nullsLast: true })).valuesList('name', { flat: true });
    expect(last).toEqual(['Cy', 'Ann', 'Bob']);
    const first = await Author.objects.orderBy(F('bio').desc({ nullsFirst: true })).valuesList('name', { flat: true });
    expect(first).toEqual(['Bob', 'Ann', 'Cy']);
  });

  t.test('slicing is LIMIT/OFFSET written as literals; first(), last(), at()', async (db) => {
    await seed();
    const page = Author.objects.all().slice(1, 3);
    expect(names(await page)).toEqual(['Bob', 'Cy']);
    expect(page.sql().sql).toMatch(/LIMIT 2 OFFSET 1$/);
    expect(page.sql().params).toEqual([]);
    expect(names(await Author.objects.all().slice(2))).toEqual(['Cy']);
    expect(names(await Author.objects.all().slice(0, 2).slice(1))).toEqual(['Bob']);
    expect((await Author.objects.first())!.name).toBe('Ann');
    expect((await Author.objects.last())!.name).toBe('Cy');
    expect((await Author.objects.orderBy('-email').first())!.name).toBe('Cy');
    expect((await Author.objects.at(1)).name).toBe('Bob');
    await expect(Author.objects.at(5)).rejects.toThrow(RangeError);
    expect(await Author.objects.filter({ name: 'nobody' }).first()).toBeNull();
    expect(await Author.objects.all().slice(1).count()).toBe(2);
    void db;
  });

  t.test('values(), valuesList() flat and named, across relations', async () => {
    const { ann } = await seed();
    await Post.objects.create({ title: 'T', author: ann, views: 3 });
    expect(await Author.objects.filter({ name: 'Ann' }).values('name', 'email')).toEqual([{ name: 'Ann', email: 'ann@x.com' }]);
    expect(await Post.objects.values('title', 'author__name', 'published')).toEqual([{ title: 'T', author__name: 'Ann', published: false }]);
    expect(await Author.objects.valuesList('name', 'bio')).toEqual([['Ann', 'b'], ['Bob', null], ['Cy', 'a']]);
    expect(await Author.objects.valuesList('name', { flat: true })).toEqual(['Ann', 'Bob', 'Cy']);
    expect(await Author.objects.filter({ name: 'Cy' }).valuesList('name', 'bio', { named: true })).toEqual([{ name: 'Cy', bio: 'a' }]);
    expect(() => Author.objects.valuesList('name', 'bio', { flat: true })).toThrow(/flat/);
    const [row] = await Post.objects.values();
    expect(Object.keys(row!)).toEqual(['id', 'title', 'body', 'authorId', 'editorId', 'published', 'views', 'createdAt']);
  });

  t.test('distinct(), none(), exists(), exclude()', async (db) => {
    const { ann } = await seed();
    await Post.objects.create({ title: 'a', author: ann });
    await Post.objects.create({ title: 'b', author: ann });
    expect(await Post.objects.values('authorId').distinct().count()).toBe(1);
    const before = db.queries.length;
    expect(await Author.objects.none()).toEqual([]);
    expect(await Author.objects.none().count()).toBe(0);
    expect(db.queries.length).toBe(before);
    expect(await Author.objects.filter({ name: 'Ann' }).exists()).toBe(true);
    expect(await Author.objects.filter({ name: 'Zed' }).exists()).toBe(false);
    expect(names(await Author.objects.exclude({ name: 'Bob' }))).toEqual(['Ann', 'Cy']);
  });

  t.test('only() and defer() select fewer columns; the primary key is always loaded', async () => {
    await seed();
    const qs = Author.objects.only('name');
    expect(qs.sql().sql).not.toMatch(/email/);
    const [a] = await qs;
    expect(a!.name).toBe('Ann');
    expect(typeof a!.id).toBe('number');
    expect(a!.email).toBeUndefined();
    expect(Author.objects.defer('bio', 'email').sql().sql).not.toMatch(/bio|email/);
  });

  t.test('save() on an instance from only()/defer() writes only the loaded fields, as Django does', async (db) => {
    await seed();
    await Author.objects.filter({ name: 'Ann' }).update({ bio: 'keep me' });
    const ann = await Author.objects.only('name').get({ name: 'Ann' });
    expect(ann.getDeferredFields()).toEqual(new Set(['email', 'bio']));
    ann.name = 'Anne';
    await ann.save();
    const update = db.queries.findLast((q) => q.sql.startsWith('UPDATE'))!.sql;
    expect(update).not.toMatch(/email|bio/);
    expect(await Author.objects.filter({ pk: ann.pk }).values('name', 'email', 'bio')).toEqual([{ name: 'Anne', email: 'ann@x.com', bio: 'keep me' }]);
    // Loading a deferred field makes it part of the next save.
    await ann.refreshFromDb({ fields: ['bio'] });
    expect(ann.getDeferredFields()).toEqual(new Set(['email']));
    ann.bio = 'changed';
    await ann.save();
    expect(await Author.objects.filter({ pk: ann.pk }).valuesList('bio', { flat: true })).toEqual(['changed']);
  });

  t.test('update() returns the rows matched, also when the value is unchanged', async () => {
    await seed();
    expect(await Author.objects.filter({ name: 'Ann' }).update({ bio: 'b' })).toBe(1);
    expect(await Author.objects.update({ bio: 'z' })).toBe(3);
    expect(await Author.objects.filter({ pk__in: [] }).update({ bio: 'z' })).toBe(0);
  });

  t.test('update() and delete() through a join: a pk IN (subquery), wrapped in a derived table on MySQL', async (db) => {
    const { ann, bob } = await seed();
    const p1 = await Post.objects.create({ title: 'a', author: ann });
    await Post.objects.create({ title: 'b', author: bob });
    await Comment.objects.create({ post: p1, text: 'x' });
    const qs = Post.objects.filter({ author__name: 'Ann' });
    const { queries } = await db.log.capture(() => qs.update({ views: 7 }));
    expect(queries[0]!.sql).toMatch(db.dialect.operations.derivedTableForSelfReference ? /IN \(SELECT .* FROM \(SELECT/ : /IN \(SELECT/);
    expect(await Post.objects.filter({ views: 7 }).valuesList('title', { flat: true })).toEqual(['a']);
    expect(await Comment.objects.filter({ post__author__name: 'Ann' }).delete()).toEqual([1, { 'blog.Comment': 1 }]);
    expect(await Comment.objects.count()).toBe(0);
  });

  t.test('why: MySQL refuses a subquery on the table being updated (error 1093); MariaDB ≥ 10.3.2 and the others accept it', async (db) => {
    const t = db.quoteName('blog_post');
    const id = db.quoteName('id');
    const direct = await db.execute(`UPDATE ${t} SET ${db.quoteName('views')} = 1 WHERE ${id} IN (SELECT ${id} FROM ${t})`).then(
      () => 'ok',
      (e) => String(e.code),
    );
    // The engine wraps the subquery on both MySQL and MariaDB: the one form works on each.
    expect(direct).toBe(db.server.serverName === 'MySQL' ? '1093' : 'ok');
  });

  t.test('iterator() inside a transaction: chunks through a cursor, a whole read, or pages', async (db) => {
    await Author.objects.bulkCreate(Array.from({ length: 7 }, (_, i) => new Author({ name: `A${i}`, email: `a${i}@x.com` })));
    const { result: got, queries } = await db.log.capture(async () => {
      const names: string[] = [];
      for await (const a of Author.objects.iterator({ chunkSize: 3 })) names.push(a.name);
      return names;
    });
    expect(got).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    // This test runs in a transaction: PostgreSQL declares its cursor there (no BEGIN of its own);
    // MySQL reads the result whole, since the loop body may need the connection; SQLite pages.
    const counts = { query: 0, cursor: 0, transaction: 0 };
    for (const q of queries) counts[q.kind]++;
    expect(counts).toEqual({ postgres: { query: 1, cursor: 4, transaction: 0 }, mysql: { query: 1, cursor: 0, transaction: 0 }, sqlite: { query: 3, cursor: 0, transaction: 0 } }[t.dialect]);
  });

  t.test("toString(): Django's str(qs.query), values written in as this database's literals", async (db) => {
    await Author.objects.bulkCreate([new Author({ name: "O'Brien \\ Sons", email: 'ob@x.com' }), new Author({ name: 'Plain', email: 'p@x.com' })]);
    const qs = Author.objects.filter({ name__in: ["O'Brien \\ Sons", 'Nobody'], id__gt: 0 }).orderBy('name');
    const text = qs.toString();
    expect(text).not.toContain('?');
    // Quotes doubled everywhere; MySQL also doubles the backslash (it reads \ as an escape).
    expect(text).toContain(t.dialect === 'mysql' ? "'O''Brien \\\\ Sons'" : "'O''Brien \\ Sons'");
    expect(text).toMatch(/> 0/);
    // Readable, and here also runnable: the same rows as the queryset itself.
    const pasted = await db.query<{ name: string }>(text);
    expect(pasted.map((r) => r.name)).toEqual((await qs).map((a) => a.name));
    expect(pasted).toHaveLength(1);
  });

  t.test('explain() returns the plan text', async () => {
    await seed();
    expect((await Author.objects.filter({ name: 'Ann' }).explain()).length).toBeGreaterThan(0);
  });
});
