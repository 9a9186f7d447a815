import { expect } from 'vitest';
import { createTables, dropTables, FieldError, NotSupportedError } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from '../../models/tests/blog.ts';
import { smallBlog } from './blog-data.ts';

describeDialects('raw SQL and query debugging', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('Model.objects.raw(sql, params): columns become fields, other columns attributes; parameters bound', async (db) => {
    await smallBlog();
    const q = (n: string) => db.quoteName(n);
    const posts = await Post.objects.raw(
      `SELECT ${q('id')}, ${q('title')}, ${q('views')}, ${q('created_at')}, ${q('views')} * 2 AS ${q('double_views')} FROM ${q('blog_post')} WHERE ${q('views')} > ? ORDER BY ${q('title')}`,
      [6],
    );
    expect(posts.map((p) => [p.title, p.views, (p as unknown as { double_views: number }).double_views])).toEqual([['ORM', 7, 14], ['SQL', 10, 20]]);
    expect(posts[0]).toBeInstanceOf(Post);
    expect(posts[0]!.createdAt).toEqual(new Date('2024-03-02T08:15:00Z')); // converted by the field
    expect(posts[0]!._state.db).toBe('default');
    const injection = "x' OR '1'='1";
    expect(await Author.objects.raw(`SELECT * FROM ${q('blog_author')} WHERE ${q('name')} = ?`, [injection])).toEqual([]);
    await expect(Post.objects.raw(`SELECT ${q('title')} FROM ${q('blog_post')}`).list()).rejects.toThrow(FieldError);
    expect(() => Post.objects.raw(`DELETE FROM ${q('blog_post')}`)).toThrow(/takes a SELECT/);
  });

  t.test('connection.execute(sql, params): rows, rowCount, bound parameters only', async (db) => {
    await smallBlog();
    const q = (n: string) => db.quoteName(n);
    const result = await db.execute(`UPDATE ${q('blog_post')} SET ${q('views')} = ${q('views')} + ? WHERE ${q('published')} = ?`, [1, true]);
    expect(result.rowCount).toBe(2);
    const rows = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS ${q('n')} FROM ${q('blog_post')} WHERE ${q('views')} > ?`, [7]);
    expect(Number(rows[0]!.n)).toBe(2);
    await expect(db.execute(`SELECT ? AS ${q('x')}`, [])).rejects.toThrow(/1 placeholder\(s\) \(\?\) but 0 parameter/);
  });

  t.test('sql() per dialect, the query log, explain() and explain({ analyze })', async (db) => {
    await smallBlog();
    const qs = Post.objects.filter({ views__gt: 6 }).orderBy('title');
    const { sql, params } = qs.sql();
    const expected = {
      sqlite: 'WHERE "blog_post"."views" > ? ORDER BY "blog_post"."title" ASC',
      postgres: 'WHERE "blog_post"."views" > ? ORDER BY "blog_post"."title" ASC',
      mysql: 'WHERE `blog_post`.`views` > ? ORDER BY `blog_post`.`title` ASC',
    }[db.dialect.name];
    expect(sql.endsWith(expected)).toBe(true);
    expect(params).toEqual([6]);
    await qs.list();
    expect(db.queries.at(-1)).toMatchObject({ sql, params: [6], kind: 'query' });
    const plan = await qs.explain();
    expect(plan.length).toBeGreaterThan(0);
    if (db.features.supportsExplainAnalyze) {
      const analyzed = await qs.explain({ analyze: true });
      // PostgreSQL reports actual times; MariaDB's ANALYZE adds r_rows (rows really read).
      expect(analyzed).toMatch(db.dialect.name === 'postgres' ? /actual time=/ : /\d/);
      expect(db.queries.at(-1)!.sql.startsWith(db.dialect.name === 'postgres' ? 'EXPLAIN ANALYZE SELECT' : db.server.serverName === 'MariaDB' ? 'ANALYZE SELECT' : 'EXPLAIN ANALYZE SELECT')).toBe(true);
    } else {
      await expect(qs.explain({ analyze: true })).rejects.toThrow(NotSupportedError);
      await expect(qs.explain({ analyze: true })).rejects.toThrow(/EXPLAIN QUERY PLAN only/);
    }
  });
});
