// A small blog with known numbers, shared by the aggregation, expression and statistics tests.
//   Ann: "SQL" (published, 10 views, tags sql+orm, 3 comments), "Draft" (5 views, no tags, none)
//   Bob: "ORM" (published, 7 views, tag sql, 1 comment)
//   Cy:  no posts
import { Author, Comment, Post, Tag } from '../../models/tests/blog.ts';

export async function smallBlog() {
  const [ann, bob, cy] = await Author.objects.bulkCreate([
    new Author({ name: 'Ann', email: 'ann@x.com' }),
    new Author({ name: 'Bob', email: 'bob@x.com' }),
    new Author({ name: 'Cy', email: 'cy@x.com' }),
  ]);
  const [sql, orm] = await Tag.objects.bulkCreate([new Tag({ name: 'sql' }), new Tag({ name: 'orm' })]);
  const p1 = await Post.objects.create({ title: 'SQL', author: ann!, published: true, views: 10 });
  const p2 = await Post.objects.create({ title: 'Draft', author: ann!, views: 5 });
  const p3 = await Post.objects.create({ title: 'ORM', author: bob!, published: true, views: 7 });
  await p1.tags.set([sql!, orm!]);
  await p3.tags.set([sql!]);
  const comments = await Comment.objects.bulkCreate(
    ['first', 'second', 'third'].map((text) => new Comment({ post: p1, text })).concat(new Comment({ post: p3, text: 'nice' })),
  );
  // Fixed creation times (autoNowAdd stamped "now"): two posts on 1 March, one on 2 March.
  await Post.objects.filter({ pk: p1.pk }).update({ createdAt: new Date('2024-03-01T09:00:00Z') });
  await Post.objects.filter({ pk: p2.pk }).update({ createdAt: new Date('2024-03-01T23:30:00Z') });
  await Post.objects.filter({ pk: p3.pk }).update({ createdAt: new Date('2024-03-02T08:15:00Z') });
  return { ann: ann!, bob: bob!, cy: cy!, p1, p2, p3, tags: { sql: sql!, orm: orm! }, comments };
}
