import { expect } from 'vitest';
import { createTables, dropTables, F, FieldError, Q } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from '../../models/tests/blog.ts';

async function seed() {
  const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
  const bob = await Author.objects.create({ name: 'Bob', email: 'bob@x.com', bio: 'writes 100% fiction_' });
  const cy = await Author.objects.create({ name: 'cy', email: 'cy@x.com' });
  await Post.objects.create({ title: 'Hello World', author: ann, views: 10, published: true });
  await Post.objects.create({ title: 'hello again', author: ann, views: 5 });
  await Post.objects.create({ title: 'Bob on SQL', author: bob, views: 50, published: true });
  return { ann, bob, cy };
}

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);
const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title).sort();

describeDialects('lookups', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('exact, gt/gte/lt/lte, in (list, empty, subquery), range, isnull', async (db) => {
    const { ann, bob } = await seed();
    expect(titles(await Post.objects.filter({ views__gt: 5 }))).toEqual(['Bob on SQL', 'Hello World']);
    expect(await Post.objects.filter({ views__gte: 10, views__lte: 10 }).count()).toBe(1);
    expect(await Post.objects.filter({ views__lt: 10 }).count()).toBe(1);
    expect(titles(await Post.objects.filter({ views__range: [5, 10] }))).toEqual(['Hello World', 'hello again']);
    expect(names(await Author.objects.filter({ name__in: ['Ann', 'cy', 'nobody'] }))).toEqual(['Ann', 'cy']);
    expect(await Author.objects.filter({ bio__isnull: false }).count()).toBe(1);
    expect(await Author.objects.filter({ bio: null }).count()).toBe(2);
    // An empty list matches nothing, and no query is sent at all.
    const before = db.queries.length;
    expect(await Author.objects.filter({ pk__in: [] })).toEqual([]);
    expect(await Author.objects.filter({ pk__in: [] }).count()).toBe(0);
    expect(db.queries.length).toBe(before);
    // ... but OR with something else still runs.
    expect(names(await Author.objects.filter(new Q({ pk__in: [] }).or(new Q({ name: 'Bob' }))))).toEqual(['Bob']);
    const withPosts = Author.objects.filter({ pk__in: Post.objects.filter({ published: true }).values('authorId') });
    expect(names(await withPosts)).toEqual(['Ann', 'Bob']);
    expect(withPosts.sql().sql).toMatch(/IN \(SELECT/);
    // A queryset of models stands for its primary keys.
    expect(names(await Author.objects.filter({ posts__in: Post.objects.filter({ views__gte: 10 }) }).distinct())).toEqual(['Ann', 'Bob']);
    expect(await Post.objects.filter({ author: ann }).count()).toBe(2);
    expect(await Post.objects.filter({ author__in: [ann, bob] }).count()).toBe(3);
  });

  t.test('contains/startswith/endswith escape % and _ ; the i- versions ignore case', async () => {
    await seed();
    expect(await Author.objects.filter({ bio__contains: '100%' }).count()).toBe(1);
    expect(await Author.objects.filter({ bio__contains: '0% f' }).count()).toBe(1);
    expect(await Author.objects.filter({ bio__contains: '%' }).count()).toBe(1);
    expect(await Author.objects.filter({ bio__endswith: 'n_' }).count()).toBe(1);
    expect(await Author.objects.filter({ bio__contains: 'x_' }).count()).toBe(0);
    expect(await Post.objects.filter({ title__icontains: 'HELLO' }).count()).toBe(2);
    expect(await Post.objects.filter({ title__istartswith: 'hello' }).count()).toBe(2);
    expect(await Post.objects.filter({ title__iendswith: 'sql' }).count()).toBe(1);
    expect(await Author.objects.filter({ name__iexact: 'ANN' }).count()).toBe(1);
    expect(await Author.objects.filter({ name__iexact: 'An_' }).count()).toBe(0);
  });

  t.test('case-sensitive LIKE lookups: each database’s behaviour, ASCII and beyond', async (db) => {
    const { ann } = await seed();
    await Post.objects.create({ title: 'Écoles', author: ann });
    const measured = {
      contains: await Post.objects.filter({ title__contains: 'hello' }).count(),
      startswith: await Post.objects.filter({ title__startswith: 'hello' }).count(),
      icontainsAccent: await Post.objects.filter({ title__icontains: 'éco' }).count(),
    };
    // SQLite's LIKE ignores case for ASCII letters only (Django documents it); PostgreSQL's
    // LIKE and MySQL's LIKE BINARY are exact; ILIKE and MySQL's *_ci collations fold 'É' too.
    const expected = {
      sqlite: { contains: 2, startswith: 2, icontainsAccent: 0 },
      postgres: { contains: 1, startswith: 1, icontainsAccent: 1 },
      mysql: { contains: 1, startswith: 1, icontainsAccent: 1 },
    }[db.dialect.name];
    expect(measured).toEqual(expected);
    expect(db.features.hasCaseInsensitiveLike).toBe(db.dialect.name !== 'postgres');
  });

  t.test('exact on a string: MySQL’s default collation ignores case, the others do not', async (db) => {
    await seed();
    const n = await Author.objects.filter({ name: 'ANN' }).count();
    expect(n).toBe(db.features.hasCaseInsensitiveEquality ? 1 : 0);
    expect(n).toBe(db.dialect.name === 'mysql' ? 1 : 0);
  });

  t.test('regex and iregex', async () => {
    await seed();
    expect(await Post.objects.filter({ title__regex: '^[Hh]ello' }).count()).toBe(2);
    expect(await Post.objects.filter({ title__regex: '^hello' }).count()).toBe(1);
    expect(await Post.objects.filter({ title__iregex: '^HELLO' }).count()).toBe(2);
  });

  t.test('date transforms: year, month, day, date', async () => {
    const { ann } = await seed();
    const p = await Post.objects.create({ title: 'old', author: ann });
    await Post.objects.filter({ pk: p.pk }).update({ createdAt: new Date('2020-03-04T05:06:07Z') });
    expect(await Post.objects.filter({ createdAt__year: 2020 }).count()).toBe(1);
    expect(await Post.objects.filter({ createdAt__year__gte: 2021 }).count()).toBe(3);
    expect(await Post.objects.filter({ createdAt__month: 3, createdAt__day: 4 }).count()).toBe(1);
    expect(await Post.objects.filter({ createdAt__date: '2020-03-04' }).count()).toBe(1);
    expect(await Post.objects.filter({ createdAt__lt: new Date('2021-01-01T00:00:00Z') }).count()).toBe(1);
  });

  t.test('spanning relations forward and backward', async () => {
    await seed();
    expect(titles(await Post.objects.filter({ author__name__icontains: 'an' }))).toEqual(['Hello World', 'hello again']);
    expect(names(await Author.objects.filter({ posts__title__startswith: 'Bob' }))).toEqual(['Bob']);
    // A reverse relation is multi-valued: Ann appears once per matching post (Django does not dedupe)...
    expect(names(await Author.objects.filter({ posts__views__gte: 1 }))).toEqual(['Ann', 'Ann', 'Bob']);
    // ... unless distinct() is asked for.
    expect(names(await Author.objects.filter({ posts__views__gte: 1 }).distinct())).toEqual(['Ann', 'Bob']);
  });

  t.test('multi-valued relations: one filter() call vs chained calls (Django’s rule)', async () => {
    await seed();
    // Same call: one post must be both published and have views < 10 — none has.
    expect(await Author.objects.filter({ posts__published: true, posts__views__lt: 10 }).count()).toBe(0);
    // Chained: some post is published, and some (maybe other) post has views < 10 — Ann.
    const chained = Author.objects.filter({ posts__published: true }).filter({ posts__views__lt: 10 });
    expect(names(await chained)).toEqual(['Ann']);
    expect(chained.sql().sql.match(/JOIN/g)?.length).toBe(2);
  });

  t.test('exclude across a multi-valued relation uses a subquery', async () => {
    await seed();
    const qs = Author.objects.exclude({ posts__published: true });
    expect(names(await qs)).toEqual(['cy']);
    expect(qs.sql().sql).toMatch(/NOT \(.*IN \(SELECT/);
  });

  t.test('exclude keeps rows whose nullable column is NULL', async () => {
    await seed();
    expect(names(await Author.objects.exclude({ bio__contains: 'fiction' }))).toEqual(['Ann', 'cy']);
  });
});

describeDialects('Q and F', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('Q: and, or, not, nested, built from an empty Q', async () => {
    await seed();
    expect(names(await Author.objects.filter(new Q({ name: 'Ann' }).or(new Q({ name: 'Bob' }))))).toEqual(['Ann', 'Bob']);
    expect(names(await Author.objects.filter(new Q({ name: 'Ann' }).not()))).toEqual(['Bob', 'cy']);
    const nested = new Q({ name__startswith: 'A' }).or(new Q({ name: 'Bob' }).and(new Q({ bio__isnull: false })));
    expect(names(await Author.objects.filter(nested))).toEqual(['Ann', 'Bob']);
    let dynamic = new Q();
    for (const n of ['cy', 'Bob']) dynamic = dynamic.or(new Q({ name: n }));
    expect(names(await Author.objects.filter(dynamic))).toEqual(['Bob', 'cy']);
    expect(await Author.objects.filter(new Q()).count()).toBe(3);
  });

  t.test('Q with a nullable FK under OR becomes a LEFT OUTER JOIN', async () => {
    const { ann, bob } = await seed();
    await Post.objects.filter({ title: 'Bob on SQL' }).update({ editor: ann });
    const qs = Post.objects.filter(new Q({ editor__name: 'Ann' }).or(new Q({ views: 10 })));
    expect(qs.sql().sql).toMatch(/LEFT OUTER JOIN/);
    expect(titles(await qs)).toEqual(['Bob on SQL', 'Hello World']);
    void bob;
  });

  t.test('under OR and NOT a required foreign key stays an INNER JOIN; a nullable one becomes LEFT OUTER', async () => {
    await seed();
    // Every post has an author (required key): INNER and LEFT OUTER give the same rows, and
    // Django writes INNER. The editor is nullable: a post without one must still match the OR.
    const either = Post.objects.filter(new Q({ author__name: 'Ann' }).or(new Q({ editor__name: 'Ann' })));
    expect(either.sql().sql).toMatch(/INNER JOIN \S*blog_author\S* ON .*author_id.* LEFT OUTER JOIN \S*blog_author\S* \S*T3\S* ON .*editor_id/);
    expect(titles(await either)).toEqual(['Hello World', 'hello again']); // no post has an editor
    const orTitle = Post.objects.filter(new Q({ author__name: 'Ann' }).or({ title: 'Bob on SQL' }));
    expect(orTitle.sql().sql).not.toMatch(/LEFT OUTER/);
    expect(titles(await orTitle)).toEqual(['Bob on SQL', 'Hello World', 'hello again']);
    const notAnn = Post.objects.exclude({ author__name: 'Ann' });
    expect(notAnn.sql().sql).toMatch(/INNER JOIN/);
    const all = await Post.objects.count();
    expect((await notAnn.count()) + (await Post.objects.filter({ author__name: 'Ann' }).count())).toBe(all);
  });

  t.test('F: compare columns, across relations, arithmetic, in update()', async () => {
    const { ann } = await seed();
    expect(await Post.objects.filter({ views__lt: F('author__id').add(1000) }).count()).toBe(3);
    expect(await Post.objects.filter({ views__gt: F('author__id').add(1000) }).count()).toBe(0);
    expect(await Post.objects.filter({ views: F('views') }).count()).toBe(3);
    const n = await Post.objects.filter({ author: ann }).update({ views: F('views').add(1).mul(2) });
    expect(n).toBe(2);
    const views = await Post.objects.filter({ author: ann }).orderBy('views').valuesList('views', { flat: true });
    expect(views).toEqual([12, 22]);
  });

  t.test('F on an instance: save() writes the expression, refreshFromDb() reads the result', async () => {
    const { ann } = await seed();
    const post = await Post.objects.get({ title: 'Hello World' });
    (post as unknown as { views: unknown }).views = F('views').add(5);
    await post.save();
    await post.refreshFromDb();
    expect(post.views).toBe(15);
    void ann;
  });
});

describeDialects('errors', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('unknown field: FieldError with the choices', async () => {
    expect(() => Author.objects.filter({ nme: 'x' } as never)).toThrow(
      new FieldError("Cannot resolve keyword 'nme' into field. Choices are: bio, edited, email, id, name, posts"),
    );
    expect(() => Post.objects.filter({ author__nme: 'x' } as never)).toThrow(/Cannot resolve keyword 'nme' into field. Choices are: bio, edited, email/);
  });

  t.test('unknown lookup: FieldError naming the field and its lookups', async () => {
    expect(() => Author.objects.filter({ name__near: 'x' } as never)).toThrow(/Unsupported lookup 'near' for CharField 'name'. Lookups it supports: contains, endswith, exact/);
  });

  t.test('get(): DoesNotExist and MultipleObjectsReturned per model, naming the filter', async () => {
    await seed();
    const missing = await Author.objects.get({ name: 'Zed' }).catch((e) => e);
    expect(missing).toBeInstanceOf(Author.DoesNotExist);
    expect(missing.message).toBe('Author matching query does not exist. Filter: {"name":"Zed"}');
    const many = await Post.objects.get({ author__name: 'Ann' }).catch((e) => e);
    expect(many).toBeInstanceOf(Post.MultipleObjectsReturned);
    expect(many.message).toMatch(/get\(\) returned more than one Post -- it returned 2!/);
    expect(many).not.toBeInstanceOf(Author.MultipleObjectsReturned);
  });

  t.test('a wrong value type is refused before any SQL is sent', async (db) => {
    const before = db.queries.length;
    await expect(Post.objects.filter({ views: 'many' as never }).count()).rejects.toThrow(
      new TypeError("Field 'views' (blog.Post.views) expected an integer, got 'many' (string)."),
    );
    await expect(Post.objects.filter({ createdAt__gt: 'yesterday' as never }).count()).rejects.toThrow(/expected a Date/);
    expect(db.queries.length).toBe(before);
  });

  t.test('negative slicing is refused', () => {
    expect(() => Author.objects.all().slice(-1)).toThrow('Negative indexing is not supported.');
  });
});
