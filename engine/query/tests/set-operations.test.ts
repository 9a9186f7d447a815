import { expect } from 'vitest';
import { createTables, dropTables, NotSupportedError } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Compiler } from '../compiler.ts';
import { blogModels, Post } from '../../models/tests/blog.ts';
import { smallBlog } from './blog-data.ts';

describeDialects('union, intersection, difference; distinct(fields)', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('union: duplicates merged, or kept with { all: true }; ordering and slicing apply to the combined rows', async (db) => {
    await smallBlog(); // SQL 10 (published), Draft 5, ORM 7 (published)
    const popular = Post.objects.filter({ views__gte: 7 });
    const published = Post.objects.filter({ published: true });
    const drafts = Post.objects.filter({ published: false });
    expect((await popular.union(published).orderBy('title')).map((p) => p.title)).toEqual(['ORM', 'SQL']);
    expect(await popular.union(published, { all: true }).count()).toBe(4);
    expect((await popular.union(drafts).orderBy('-views').slice(0, 2)).map((p) => p.title)).toEqual(['SQL', 'ORM']);
    expect(db.queries.at(-1)!.sql).toMatch(/ UNION SELECT .* ORDER BY \d+ DESC LIMIT 2$/);
    const titles = await popular.values('title').union(drafts.values('title')).orderBy('title');
    expect(titles).toEqual([{ title: 'Draft' }, { title: 'ORM' }, { title: 'SQL' }]);
    expect(() => popular.union(drafts).filter({ title: 'x' })).toThrow(new NotSupportedError('Calling filter() after union() is not supported: only orderBy, slice, values, count and exists apply to combined rows.'));
  });

  t.test('intersection and difference where the database has INTERSECT/EXCEPT', async (db) => {
    await smallBlog();
    const popular = Post.objects.filter({ views__gte: 7 });
    const published = Post.objects.filter({ published: true });
    const both = popular.filter({ views__gte: 10 }).intersection(published).orderBy('title');
    const notPublished = Post.objects.all().difference(published).orderBy('title');
    if (db.features.supportsIntersectExcept) {
      expect((await both).map((p) => p.title)).toEqual(['SQL']);
      expect((await notPublished).map((p) => p.title)).toEqual(['Draft']);
    } else {
      await expect(both.list()).rejects.toThrow(NotSupportedError); // MySQL < 8.0.31, MariaDB < 10.3
    }
    // The message a server without INTERSECT gives (MySQL 8.0.30, say): this server's features, with that flag off.
    const older = Object.create(db, { features: { value: { ...db.features, supportsIntersectExcept: false } } }) as typeof db;
    expect(() => new Compiler(both.query, older).select()).toThrow(
      new NotSupportedError(`intersection() is not supported by ${db.vendor} (INTERSECT/EXCEPT need MariaDB ≥ 10.3 or MySQL ≥ 8.0.31).`),
    );
    expect(new Compiler(popular.union(published).query, older).select().sql).toContain(' UNION ');
  });

  t.test('distinct(fields) is DISTINCT ON on PostgreSQL; elsewhere a clear error', async (db) => {
    await smallBlog();
    const firstPerAuthor = Post.objects.orderBy('author', '-views').distinct('author');
    if (db.features.supportsDistinctOn) {
      expect((await firstPerAuthor).map((p) => p.title)).toEqual(['SQL', 'ORM']);
      expect(firstPerAuthor.sql().sql).toMatch(/^SELECT DISTINCT ON \("blog_post"."author_id"\)/);
    } else {
      expect(() => firstPerAuthor.sql()).toThrow(NotSupportedError);
      await expect(firstPerAuthor.list()).rejects.toThrow(/DISTINCT ON fields is not supported by .*: distinct\('author'\) works on PostgreSQL only/);
    }
    expect(await Post.objects.values('published').distinct().count()).toBe(2);
  });
});
