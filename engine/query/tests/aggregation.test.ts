import { expect } from 'vitest';
import { Avg, Count, createTables, dropTables, F, FieldError, Lower, Max, Min, StdDev, Sum, Variance } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from '../../models/tests/blog.ts';
import { smallBlog } from './blog-data.ts';

const lastSql = (db: { queries: ReadonlyArray<{ sql: string }> }) => db.queries[db.queries.length - 1]!.sql;

describeDialects('aggregate() and annotate()', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('alias(): filter, order and build on a named expression without selecting it', async () => {
    await smallBlog(); // Ann 2 posts, Bob 1, Cy 0
    const writers = Author.objects.alias({ n: Count('posts') }).filter({ n__gte: 1 }).orderBy('-n', 'name');
    const rows = await writers;
    expect(rows.map((a) => a.name)).toEqual(['Ann', 'Bob']);
    expect((rows[0] as unknown as Record<string, unknown>).n).toBeUndefined();
    const { sql } = writers.sql();
    expect(sql).toMatch(/HAVING COUNT\(/);
    expect(sql).not.toMatch(/AS ["`]n["`]/); // grouped and filtered on, never selected
    // A later annotate() may use it, and aggregate() may aggregate over it.
    const doubled = await Author.objects.alias({ n: Count('posts') }).annotate({ twice: F('n').mul(2) }).orderBy('name').valuesList('name', 'twice');
    expect(doubled).toEqual([['Ann', 4], ['Bob', 2], ['Cy', 0]]);
    expect(await Author.objects.alias({ n: Count('posts') }).aggregate({ most: Max('n') })).toEqual({ most: 2 });
    // Not an aggregate: a plain WHERE, no GROUP BY.
    const lowered = Post.objects.alias({ low: Lower('title') }).filter({ low: 'sql' });
    expect((await lowered).map((p) => p.title)).toEqual(['SQL']);
    expect(lowered.sql().sql).not.toMatch(/GROUP BY/);
    expect(() => Author.objects.alias({ n: Count('posts') }).values('name', 'n')).toThrow(new FieldError("Cannot select the 'n' alias. Use annotate() to promote it."));
    // annotate() under the same name promotes it into the SELECT.
    expect((await Author.objects.alias({ n: Count('posts') }).annotate({ n: Count('posts') }).orderBy('name').valuesList('n', { flat: true }))).toEqual([2, 1, 0]);
  });

  t.test('aggregate(): Count, Sum, Avg, Max, Min, StdDev, Variance come back as numbers', async (db) => {
    await smallBlog(); // views 10, 5, 7
    const stats = await Post.objects.aggregate({
      n: Count('*'), total: Sum('views'), mean: Avg('views'), most: Max('views'), least: Min('views'),
      sd: StdDev('views'), variance: Variance('views'), sampleVariance: Variance('views', { sample: true }),
    });
    expect(stats).toMatchObject({ n: 3, total: 22, most: 10, least: 5 });
    // MySQL/MariaDB's AVG over integers is a DECIMAL with 4 more places (div_precision_increment = 4).
    if (db.dialect.name === 'mysql') expect(stats.mean).toBe(7.3333);
    else expect(stats.mean).toBeCloseTo(22 / 3, 10);
    // MariaDB's VAR_POP/VAR_SAMP over integers are DECIMALs too (4.2222); elsewhere doubles.
    const places = db.dialect.name === 'mysql' ? 4 : 10;
    expect(stats.variance).toBeCloseTo(38 / 9, places);
    expect(stats.sampleVariance).toBeCloseTo(19 / 3, places);
    expect(stats.sd).toBeCloseTo(Math.sqrt(38 / 9), places);
    if (db.dialect.name === 'mysql') expect(stats.variance).toBe(4.2222);
    expect(await Post.objects.aggregate(Count('id'), Max('views'))).toEqual({ id__count: 3, views__max: 10 });
  });

  t.test('over no rows: Count is 0, Sum/Avg/Max are null, default replaces null', async (db) => {
    await smallBlog();
    const none = Post.objects.filter({ views__gt: 1000 });
    const result = await none.aggregate({ n: Count('id'), total: Sum('views'), mean: Avg('views'), safe: Sum('views', { default: 0 }) });
    expect(result).toEqual({ n: 0, total: null, mean: null, safe: 0 });
    expect(lastSql(db)).toMatch(/COALESCE\(SUM\(/);
    const before = db.queries.length;
    expect(await Post.objects.none().aggregate({ n: Count('id'), total: Sum('views', { default: 0 }) })).toEqual({ n: 0, total: 0 });
    expect(db.queries.length).toBe(before); // none(): no query at all
    expect(() => Count('id', { default: 0 })).toThrow(/Count does not allow default/);
  });

  t.test('annotate Count over a relation: authors without posts count 0 (LEFT OUTER JOIN)', async (db) => {
    await smallBlog();
    const authors = await Author.objects.annotate({ nPosts: Count('posts') }).orderBy('name');
    expect(authors.map((a) => [a.name, a.nPosts])).toEqual([['Ann', 2], ['Bob', 1], ['Cy', 0]]);
    expect(lastSql(db)).toMatch(/LEFT OUTER JOIN .* GROUP BY/);
  });

  t.test('Count with filter: FILTER (WHERE ...) on PostgreSQL and SQLite, CASE WHEN on MySQL/MariaDB', async (db) => {
    await smallBlog();
    const rows = await Author.objects
      .annotate({ published: Count('posts', { filter: { posts__published: true } }), drafts: Count('posts', { filter: { posts__published: false } }) })
      .orderBy('name')
      .values('name', 'published', 'drafts');
    expect(rows).toEqual([
      { name: 'Ann', published: 1, drafts: 1 },
      { name: 'Bob', published: 1, drafts: 0 },
      { name: 'Cy', published: 0, drafts: 0 },
    ]);
    expect(lastSql(db)).toContain(db.features.supportsAggregateFilterClause ? 'FILTER (WHERE' : 'CASE WHEN');
  });

  t.test('values(...).annotate(...) is GROUP BY those values; Meta.ordering is left out', async (db) => {
    await smallBlog();
    const rows = await Post.objects.values('author__name').annotate({ n: Count('id'), totalViews: Sum('views') }).orderBy('author__name');
    expect(rows).toEqual([{ author__name: 'Ann', n: 2, totalViews: 15 }, { author__name: 'Bob', n: 1, totalViews: 7 }]);
    expect(lastSql(db)).toMatch(/GROUP BY [^ ]*"?`?name/);
    const byPublished = await Post.objects.values('published').annotate({ n: Count('id') }).orderBy('published');
    expect(byPublished).toEqual([{ published: false, n: 1 }, { published: true, n: 2 }]);
    expect(await Post.objects.values('author').annotate({ n: Count('id') }).count()).toBe(2); // groups, not rows
  });

  t.test('filter on an aggregate annotation is HAVING; other conditions of the same call stay in WHERE', async (db) => {
    await smallBlog();
    const busy = await Author.objects.annotate({ n: Count('posts') }).filter({ n__gte: 2 });
    expect(busy.map((a) => a.name)).toEqual(['Ann']);
    expect(lastSql(db)).toMatch(/HAVING COUNT\(/);
    const mixed = await Author.objects.annotate({ n: Count('posts') }).filter({ n__gte: 1, name__startswith: 'B' });
    expect(mixed.map((a) => a.name)).toEqual(['Bob']);
    expect(lastSql(db)).toMatch(/WHERE .*LIKE.* HAVING COUNT/);
    expect(await Author.objects.annotate({ n: Count('posts') }).exclude({ n: 0 }).count()).toBe(2);
  });

  t.test('ordering by an annotation', async () => {
    await smallBlog();
    const ranked = await Author.objects.annotate({ views: Sum('posts__views', { default: 0 }) }).orderBy(F('views').desc(), 'name');
    // (an annotation may not be named like a field of its own model; 'views' is Post's, not Author's)
    expect(ranked.map((a) => [a.name, a.views])).toEqual([['Ann', 15], ['Bob', 7], ['Cy', 0]]);
    const names = await Author.objects.annotate({ n: Count('posts') }).orderBy('-n', 'name').valuesList('name', { flat: true });
    expect(names).toEqual(['Ann', 'Bob', 'Cy']);
  });

  t.test('Sum over a relation: null for an author without posts unless default', async () => {
    await smallBlog();
    const rows = await Author.objects.annotate({ total: Sum('posts__views'), safe: Sum('posts__views', { default: 0 }) }).orderBy('name').values('name', 'total', 'safe');
    expect(rows).toEqual([
      { name: 'Ann', total: 15, safe: 15 },
      { name: 'Bob', total: 7, safe: 7 },
      { name: 'Cy', total: null, safe: 0 },
    ]);
  });

  t.test('the double-counting trap: two multi-valued joins multiply rows; distinct: true is the way out for Count', async () => {
    await smallBlog();
    // "SQL" has 3 comments and 2 tags: joined together that is 3 × 2 = 6 rows.
    const wrong = await Post.objects.annotate({ nComments: Count('comments'), nTags: Count('tags') }).get({ title: 'SQL' });
    expect([wrong.nComments, wrong.nTags]).toEqual([6, 6]);
    const right = await Post.objects.annotate({ nComments: Count('comments', { distinct: true }), nTags: Count('tags', { distinct: true }) }).get({ title: 'SQL' });
    expect([right.nComments, right.nTags]).toEqual([3, 2]);
    // Sum cannot be fixed by distinct (equal values would merge): Ann's views counted once per comment.
    const inflated = await Author.objects.annotate({ views: Sum('posts__views'), comments: Count('posts__comments') }).get({ name: 'Ann' });
    expect([inflated.views, inflated.comments]).toEqual([10 * 3 + 5, 3]);
  });

  t.test('aggregate() over annotations runs over a subquery; count() counts groups', async (db) => {
    await smallBlog();
    const annotated = Author.objects.annotate({ n: Count('posts') });
    expect(await annotated.aggregate({ most: Max('n'), total: Sum('n'), mean: Avg('n') })).toEqual({ most: 2, total: 3, mean: 1 });
    expect(lastSql(db)).toMatch(/FROM \(SELECT .*GROUP BY.*\) .?subquery/);
    expect(await annotated.count()).toBe(3);
    expect(await annotated.filter({ n: 0 }).exists()).toBe(true);
    expect(await annotated.filter({ n__gt: 5 }).exists()).toBe(false);
  });

  t.test('errors: an annotation named like a field, an aggregate of an aggregate, a positional expression without a name', async () => {
    expect(() => Author.objects.annotate({ name: Count('posts') })).toThrow(/conflicts with a field/);
    expect(() => Author.objects.annotate({ display: Count('posts') })).toThrow(/conflicts with an attribute of Author instances/);
    expect(() => Author.objects.annotate({ x: Sum(Count('posts')) })).toThrow(FieldError);
    expect(() => Author.objects.annotate(F('name') as never)).toThrow(/needs a name/);
    await expect(Post.objects.aggregate({ v: F('views') as never })).rejects.toThrow(/must be an aggregate/);
  });
});
