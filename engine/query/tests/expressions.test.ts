import { expect } from 'vitest';
import {
  Case, CharField, Coalesce, Count, createTables, dropTables, Exists, ExpressionWrapper, F, FieldError, FloatField, IntegerField,
  Avg, Cast, Length, Lower, Max, Min, OuterRef, Q, Subquery, Sum, TruncDate, TruncMonth, Upper, Value, When,
} from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Comment, Post } from '../../models/tests/blog.ts';
import { smallBlog } from './blog-data.ts';

describeDialects('expressions: Value, ExpressionWrapper, Case/When, Subquery, Exists', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('Value and arithmetic between F, Value and aggregates', async (db) => {
    await smallBlog();
    const posts = await Post.objects.annotate({ doubled: F('views').mul(2), label: new Value('post'), plusOne: F('views').add(new Value(1)) }).orderBy('title');
    expect(posts.map((p) => [p.title, p.doubled, p.label, p.plusOne])).toEqual([['Draft', 10, 'post', 6], ['ORM', 14, 'post', 8], ['SQL', 20, 'post', 11]]);
    // No field to infer a type from: the value comes back as the driver gives it, and lookups still apply.
    const untyped = await Post.objects.annotate({ tag: Coalesce(new Value(null), new Value('x')) }).filter({ tag: 'x', title: 'SQL' });
    expect(untyped.map((p) => p.tag)).toEqual(['x']);
    const perAuthor = await Author.objects.annotate({ spread: Max('posts__views').sub(Min('posts__views')), n: Count('posts') })
      .filter({ n__gt: 0 }).orderBy('name').valuesList('name', 'spread');
    expect(perAuthor).toEqual([['Ann', 5], ['Bob', 0]]);
    // 22 / 3 between two integers: SQLite and PostgreSQL divide as integers; MySQL/MariaDB's
    // SUM is a DECIMAL, and its division keeps 4 places.
    const ratio = await Post.objects.aggregate({ perPost: Sum('views').div(Count('id')) });
    expect(ratio.perPost).toBe(db.dialect.name === 'mysql' ? 7.3333 : 7);
  });

  t.test('mixed types: integer with float becomes a float; text with a number needs outputField', async () => {
    await smallBlog();
    const [p] = await Post.objects.filter({ title: 'SQL' }).annotate({ half: F('views').mul(0.5) });
    expect(p!.half).toBe(5);
    expect(() => Post.objects.annotate({ bad: F('title').add(F('views')) })).toThrow(
      new FieldError("Cannot infer type of '+' expression involving these types: CharField, IntegerField. You must set outputField (wrap it: new ExpressionWrapper(expression, FloatField())).")
    );
    expect(() => Post.objects.annotate({ bad: Coalesce('title', 'views') })).toThrow(/Expression contains mixed types: CharField, IntegerField. You must set outputField/);
    // ExpressionWrapper names the type: here the views as a float (per thousand).
    // (JavaScript has no 1000.0: a whole number is an integer, so views / 1000 is integer division on SQLite and PostgreSQL.)
    const [w] = await Post.objects.filter({ title: 'SQL' }).annotate({ perMille: new ExpressionWrapper(Cast('views', FloatField()).div(1000), FloatField()) });
    expect(w!.perMille).toBeCloseTo(0.01, 10);
  });

  t.test('Case/When in annotate: a label per row, with default', async () => {
    await smallBlog();
    const rows = await Post.objects.annotate({
      level: new Case(new When({ views__gte: 10 }, new Value('high')), new When(new Q({ views__gte: 6 }), new Value('medium')), { default: new Value('low') }),
      score: new Case(new When({ published: true }, new Value(1)), { default: new Value(0) }),
    }).orderBy('title').values('title', 'level', 'score');
    expect(rows).toEqual([
      { title: 'Draft', level: 'low', score: 0 },
      { title: 'ORM', level: 'medium', score: 1 },
      { title: 'SQL', level: 'high', score: 1 },
    ]);
    // A conditional count, the portable way (works where FILTER does not exist).
    const counts = await Post.objects.aggregate({ published: Sum(new Case(new When({ published: true }, new Value(1)), { default: new Value(0) })) });
    expect(counts.published).toBe(2);
  });

  t.test('Case/When in filter and in update() (a conditional update in one statement)', async (db) => {
    await smallBlog();
    const boosted = Post.objects.filter({ views__gt: new Case(new When({ published: true }, new Value(6)), { default: new Value(100) }) });
    expect((await boosted.orderBy('title')).map((p) => p.title)).toEqual(['ORM', 'SQL']);
    const ranked = await Post.objects.annotate({ rank: new Case(new When({ views__gte: 10 }, new Value(1)), { default: new Value(2) }) }).filter({ rank: 1 });
    expect(ranked.map((p) => p.title)).toEqual(['SQL']);
    const changed = await Post.objects.update({
      views: new Case(new When({ published: true }, F('views').add(100)), new When({ title: 'Draft' }, new Value(0)), { default: F('views') }),
    });
    expect(changed).toBe(3);
    expect(await Post.objects.orderBy('title').valuesList('title', 'views')).toEqual([['Draft', 0], ['ORM', 107], ['SQL', 110]]);
    const update = db.queries.findLast((q) => q.sql.startsWith('UPDATE'))!.sql;
    expect(update).toMatch(/SET .*views.* = CASE WHEN/);
    // PostgreSQL types a bare parameter in THEN as text: the engine casts it there.
    expect(update.includes('CAST(')).toBe(db.dialect.name === 'postgres');
    // update() writes one table: a condition on the author's name would need a join. Refused before
    // any SQL, with the way out; a condition on the foreign key's own column needs no join.
    const before = db.queries.length;
    await expect(Post.objects.update({ views: new Case(new When({ author__name: 'Ann' }, new Value(0)), { default: F('views') }) })).rejects.toThrow(
      /Joined field references are not permitted in this query: 'author__name'. An update\(\) writes one table; filter\(\) the rows first/,
    );
    expect(db.queries.length).toBe(before);
    const { ann } = { ann: await Author.objects.get({ name: 'Ann' }) };
    expect(await Post.objects.update({ views: new Case(new When({ author: ann }, new Value(1)), { default: new Value(2) }) })).toBe(3);
    expect(await Post.objects.orderBy('title').valuesList('views', { flat: true })).toEqual([1, 2, 1]);
  });

  t.test('Subquery with OuterRef: the latest comment per post, the newest post title per author', async (db) => {
    const { p1, comments } = await smallBlog();
    const latest = Comment.objects.filter({ post: OuterRef('pk') }).orderBy('-id').values('text').slice(0, 1);
    const posts = await Post.objects.annotate({ lastComment: new Subquery(latest) }).orderBy('title');
    expect(posts.map((p) => [p.title, p.lastComment])).toEqual([['Draft', null], ['ORM', 'nice'], ['SQL', 'third']]);
    const sql = db.queries.at(-1)!.sql;
    expect(sql).toMatch(/\(SELECT .*U0.*WHERE .*U0.*post_id.* = .*blog_post.*\.[`"]id[`"] ORDER BY/);
    // The same table inside and outside: U0 keeps them apart.
    const newest = Post.objects.filter({ author: OuterRef('author') }).orderBy('-views').values('title').slice(0, 1);
    const tops = await Post.objects.annotate({ top: new Subquery(newest) }).orderBy('title').valuesList('title', 'top');
    expect(tops).toEqual([['Draft', 'SQL'], ['ORM', 'ORM'], ['SQL', 'SQL']]);
    // A counted subquery: the way out of the double-counting trap.
    const commentCount = Comment.objects.filter({ post: OuterRef('pk') }).values('post').annotate({ c: Count('pk') }).values('c');
    const counted = await Post.objects.annotate({ nComments: Coalesce(new Subquery(commentCount), new Value(0)) }).get({ pk: p1.pk });
    expect(counted.nComments).toBe(comments.length - 1);
    expect(() => new Subquery(Comment.objects.all())).toThrow(/must select one column/);
  });

  t.test('Exists: as an annotation and as a filter (and exclude)', async () => {
    await smallBlog();
    const hasComments = new Exists(Comment.objects.filter({ post: OuterRef('pk') }));
    const rows = await Post.objects.annotate({ discussed: hasComments }).orderBy('title').valuesList('title', 'discussed');
    expect(rows).toEqual([['Draft', false], ['ORM', true], ['SQL', true]]);
    expect((await Post.objects.filter(hasComments).orderBy('title')).map((p) => p.title)).toEqual(['ORM', 'SQL']);
    expect((await Post.objects.exclude(hasComments)).map((p) => p.title)).toEqual(['Draft']);
    const authorsWithPublished = await Author.objects.filter(new Exists(Post.objects.filter({ author: OuterRef('pk'), published: true })));
    expect(authorsWithPublished.map((a) => a.name)).toEqual(['Ann', 'Bob']);
    expect(() => Post.objects.filter({ author: OuterRef('pk') }).sql()).toThrow(/OuterRef\('pk'\) must be used inside a Subquery/);
  });

  t.test('Exists inside Q: or/and with lookups, negated, and NOT EXISTS as an annotation', async () => {
    await smallBlog();
    const hasComments = new Exists(Comment.objects.filter({ post: OuterRef('pk') }));
    const titles = async (qs: ReturnType<typeof Post.objects.all>) => (await qs.orderBy('title')).map((p) => p.title);
    // Discussed, or unpublished: every post. Django's Q(Exists(...)) | Q(published=False).
    expect(await titles(Post.objects.filter(new Q(hasComments).or({ published: false })))).toEqual(['Draft', 'ORM', 'SQL']);
    // The same from the expression's side (Django's Exists(...) | Q(...)), and an AND.
    expect(await titles(Post.objects.filter(hasComments.or(new Q({ views__lt: 6 }))))).toEqual(['Draft', 'ORM', 'SQL']);
    expect(await titles(Post.objects.filter(hasComments.and({ views__gt: 8 })))).toEqual(['SQL']);
    // Negated inside a Q: not discussed, or more than 8 views.
    expect(await titles(Post.objects.filter(new Q(hasComments).not().or({ views__gt: 8 })))).toEqual(['Draft', 'SQL']);
    // Exists.not() is NOT EXISTS itself, usable where a value is expected.
    const rows = await Post.objects.annotate({ quiet: hasComments.not() }).orderBy('title').valuesList('title', 'quiet');
    expect(rows).toEqual([['Draft', true], ['ORM', false], ['SQL', false]]);
    expect(Post.objects.filter(hasComments.not()).sql().sql).toMatch(/NOT EXISTS\(SELECT 1 AS/);
    // A non-boolean expression is not a condition, and the error says what to write instead.
    expect(() => Post.objects.filter(new Q(F('views')).or({ published: true })).sql()).toThrow(/F\(views\) is a IntegerField, not a condition/);
    expect(() => Length('title').or({ published: true })).toThrow(/or\(\) combines conditions/);
  });

  t.test('a Subquery in filter(), a nested OuterRef, and filter() before annotate() narrowing the aggregate', async () => {
    await smallBlog();
    const authorAverage = Post.objects.filter({ author: OuterRef('author') }).values('author').annotate({ a: Avg('views') }).values('a');
    expect((await Post.objects.filter({ views__gt: new Subquery(authorAverage) })).map((p) => p.title)).toEqual(['SQL']);
    // Authors with a post that has a comment: OuterRef inside the inner Exists points at the Post query.
    const discussed = Post.objects.filter({ author: OuterRef('pk') }).filter(new Exists(Comment.objects.filter({ post: OuterRef('pk') })));
    expect((await Author.objects.filter(new Exists(discussed))).map((a) => a.name)).toEqual(['Ann', 'Bob']);
    // As in Django, filter() first restricts the rows counted; annotate() first would count all posts.
    const published = await Author.objects.filter({ posts__published: true }).annotate({ n: Count('posts') }).orderBy('name').valuesList('name', 'n');
    expect(published).toEqual([['Ann', 1], ['Bob', 1]]);
  });

  t.test('database functions in annotate, values, orderBy and aggregate, converted by their output field', async () => {
    await smallBlog();
    const rows = await Post.objects.annotate({ shout: Upper('title'), size: Length('title'), day: TruncDate('createdAt') })
      .orderBy(Length('title').desc(), Lower('title').asc()).values('title', 'shout', 'size', 'day');
    expect(rows).toEqual([
      { title: 'Draft', shout: 'DRAFT', size: 5, day: '2024-03-01' },
      { title: 'ORM', shout: 'ORM', size: 3, day: '2024-03-02' },
      { title: 'SQL', shout: 'SQL', size: 3, day: '2024-03-01' },
    ]);
    const months = await Post.objects.annotate({ month: TruncMonth('createdAt') }).values('month').annotate({ n: Count('id') });
    expect(months).toEqual([{ month: new Date('2024-03-01T00:00:00Z'), n: 3 }]);
    expect(await Post.objects.aggregate({ longest: Max(Length('title')) })).toEqual({ longest: 5 });
    const typed = await Post.objects.annotate({ asText: new ExpressionWrapper(Upper('title'), CharField({ maxLength: 10 })), n: new ExpressionWrapper(Length('title'), IntegerField()) }).filter({ n: 5 });
    expect(typed.map((p) => p.asText)).toEqual(['DRAFT']);
  });
});
