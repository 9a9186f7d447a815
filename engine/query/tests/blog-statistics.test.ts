// The statistics page of a blog, written once and run on every database: the numbers must
// be the same everywhere (the lesson shows each database's SQL beside them).
import { expect } from 'vitest';
import { Case, Coalesce, Count, createTables, dropTables, F, OuterRef, Subquery, Sum, TruncDate, Value, When } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Comment, Post } from '../../models/tests/blog.ts';

const DAY = 86_400_000;
const START = Date.UTC(2024, 2, 1); // 1 March 2024, 00:00 UTC

/** 4 authors; post i by author i % 3 (the fourth writes nothing), published when i % 4 !== 0, comments on every third post. */
async function blog() {
  const authors = await Author.objects.bulkCreate(['Ann', 'Bob', 'Cy', 'Dee'].map((name) => new Author({ name, email: `${name.toLowerCase()}@x.com` })));
  const posts: Post[] = [];
  for (let i = 0; i < 12; i++) {
    posts.push(await Post.objects.create({ title: `Post ${String(i).padStart(2, '0')}`, author: authors[i % 3]!, published: i % 4 !== 0, views: i * 10 }));
    // Day i % 4; times spread over the day, two close to midnight on either side.
    const at = START + (i % 4) * DAY + [0, 1, 12, 23.99][i % 4]! * 3_600_000;
    await Post.objects.filter({ pk: posts[i]!.pk }).update({ createdAt: new Date(at) });
  }
  for (const [n, post] of posts.entries()) {
    if (n % 3 !== 0) continue;
    for (let k = 1; k <= (n % 2) + 1; k++) await Comment.objects.create({ post, text: `${post.title} comment ${k}` });
  }
  return { authors, posts };
}

describeDialects('blog statistics give the same numbers on every database', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('posts per author (authors without posts included)', async () => {
    await blog();
    const rows = await Author.objects.annotate({ nPosts: Count('posts') }).orderBy('-nPosts', 'name').values('name', 'nPosts');
    expect(rows).toEqual([
      { name: 'Ann', nPosts: 4 }, { name: 'Bob', nPosts: 4 }, { name: 'Cy', nPosts: 4 }, { name: 'Dee', nPosts: 0 },
    ]);
  });

  t.test('published vs draft counts, overall and per author', async () => {
    await blog();
    expect(await Post.objects.aggregate({
      published: Count('id', { filter: { published: true } }),
      drafts: Count('id', { filter: { published: false } }),
      publishedViews: Sum('views', { filter: { published: true }, default: 0 }),
    })).toEqual({ published: 9, drafts: 3, publishedViews: 10 * (66 - 0 - 4 - 8) });
    const byStatus = await Post.objects.values('published').annotate({ n: Count('id') }).orderBy('published');
    expect(byStatus).toEqual([{ published: false, n: 3 }, { published: true, n: 9 }]);
    const perAuthor = await Author.objects
      .annotate({
        published: Count('posts', { filter: { posts__published: true } }),
        drafts: Sum(new Case(new When({ posts__published: false }, new Value(1)), { default: new Value(0) }), { default: 0 }),
      })
      .orderBy('name').valuesList('name', 'published', 'drafts');
    expect(perAuthor).toEqual([['Ann', 3, 1], ['Bob', 3, 1], ['Cy', 3, 1], ['Dee', 0, 0]]);
  });

  t.test('latest comment per post via Subquery, and comment counts without double counting', async () => {
    await blog();
    const latest = Comment.objects.filter({ post: OuterRef('pk') }).orderBy('-id').values('text').slice(0, 1);
    const counted = Comment.objects.filter({ post: OuterRef('pk') }).values('post').annotate({ c: Count('id') }).values('c');
    const rows = await Post.objects
      .annotate({ latest: new Subquery(latest), nComments: Coalesce(new Subquery(counted), new Value(0)) })
      .filter({ nComments__gt: 0 })
      .orderBy('title')
      .valuesList('title', 'latest', 'nComments');
    expect(rows).toEqual([
      ['Post 00', 'Post 00 comment 1', 1],
      ['Post 03', 'Post 03 comment 2', 2],
      ['Post 06', 'Post 06 comment 1', 1],
      ['Post 09', 'Post 09 comment 2', 2],
    ]);
  });

  t.test('daily counts via TruncDate (UTC days, including posts a minute before midnight)', async () => {
    await blog();
    const daily = await Post.objects.annotate({ day: TruncDate('createdAt') }).values('day')
      .annotate({ nPosts: Count('id'), totalViews: Sum('views') }).orderBy('day');
    expect(daily).toEqual([
      { day: '2024-03-01', nPosts: 3, totalViews: 0 + 40 + 80 },
      { day: '2024-03-02', nPosts: 3, totalViews: 10 + 50 + 90 },
      { day: '2024-03-03', nPosts: 3, totalViews: 20 + 60 + 100 },
      { day: '2024-03-04', nPosts: 3, totalViews: 30 + 70 + 110 },
    ]);
    const busiest = await Post.objects.annotate({ day: TruncDate('createdAt') }).values('day').annotate({ totalViews: Sum('views') })
      .orderBy(F('totalViews').desc()).first();
    expect(busiest).toEqual({ day: '2024-03-04', totalViews: 210 });
  });
});
