import { expect } from 'vitest';
import {
  CASCADE, CharField, createTables, dropTables, ForeignKey, IntegerField, ManyToManyField, Model, OneToOneField,
  Prefetch, Q, type Manager, type RelatedManager, type ManyRelatedManager,
} from '../../index.ts';
import { assertNumQueries, describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Comment, Post, Tag } from '../../models/tests/blog.ts';

// Two models that point at each other, named lazily.
class Team extends Model.define('league', 'Team', {
  name: CharField({ maxLength: 50 }),
  captain: ForeignKey('league.Player', { onDelete: CASCADE, null: true, relatedName: 'captainOf' }),
}) {}
class Player extends Model.define('league', 'Player', {
  name: CharField({ maxLength: 50 }),
  team: ForeignKey(() => Team, { onDelete: CASCADE, relatedName: 'players' }),
}) {
  // The way back from other models: declared for the type checker only.
  declare static objects: Manager<Player>;
  declare captainOf: RelatedManager<Team>;
  declare clubs: ManyRelatedManager<Club>;
  declare profile: Profile;
}
class Profile extends Model.define('league', 'Profile', {
  player: OneToOneField(() => Player, { onDelete: CASCADE }),
  nickname: CharField({ maxLength: 20 }),
}) {}
// An explicit through model carrying data of its own.
class Club extends Model.define('league', 'Club', {
  name: CharField({ maxLength: 50 }),
  members: ManyToManyField(() => Player, { through: 'league.Membership', relatedName: 'clubs' }),
}) {}
class Membership extends Model.define('league', 'Membership', {
  club: ForeignKey(() => Club, { onDelete: CASCADE }),
  player: ForeignKey(() => Player, { onDelete: CASCADE }),
  years: IntegerField({ default: 1 }),
}) {}
const leagueModels = [Team, Player, Profile, Club, Membership];

async function blog(n: number) {
  const tags = await Tag.objects.bulkCreate([new Tag({ name: 'sql' }), new Tag({ name: 'orm' }), new Tag({ name: 'ts' })]);
  const authors = await Author.objects.bulkCreate(
    Array.from({ length: 10 }, (_, i) => new Author({ name: `Author ${String(i).padStart(2, '0')}`, email: `a${i}@x.com` })),
  );
  const posts = await Post.objects.bulkCreate(
    Array.from({ length: n }, (_, i) => new Post({ title: `Post ${i}`, authorId: authors[i % 10]!.id, editorId: i % 3 ? authors[0]!.id : null })),
  );
  for (const post of posts.slice(0, 20)) await post.tags.set([tags[0]!, tags[post.id % 2 ? 1 : 2]!]);
  await Comment.objects.bulkCreate(posts.slice(0, 30).map((p) => new Comment({ postId: p.id, text: `on ${p.title}` })));
  return { tags, authors, posts };
}

describeDialects('relations', (t) => {
  t.setup(async (db) => {
    await createTables(db, [...blogModels, ...leagueModels]);
  });
  t.teardown((db) => dropTables(db, [...blogModels, ...leagueModels]));

  t.test('forward FK: post.author needs loading; related() loads it with one query', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    const created = await Post.objects.create({ title: 'T', author: ann });
    expect(created.author.name).toBe('Ann'); // set on create, cached
    const post = await Post.objects.get({ pk: created.pk });
    expect(() => post.author).toThrow(/not loaded. Use selectRelated\('author'\)/);
    expect(post.editor).toBeNull(); // a null key needs no query
    const author = await assertNumQueries(1, () => post.related('author'));
    expect(author.name).toBe('Ann');
    expect(post.author.name).toBe('Ann');
    await assertNumQueries(0, () => post.related('author'));
  });

  t.test('N+1 over 100 posts: selectRelated makes it exactly 1 query', async (db) => {
    await blog(100);
    const naive = await Post.objects.all();
    const { queries } = await db.log.capture(async () => {
      for (const p of naive) await p.related('author');
    });
    expect(queries.length).toBe(100);
    const names = await assertNumQueries(1, async () => {
      const out: string[] = [];
      for (const p of await Post.objects.selectRelated('author', 'editor').orderBy('id')) out.push(`${p.author.name}/${p.editor?.name ?? '-'}`);
      return out;
    });
    expect(names).toHaveLength(100);
    expect(names[1]).toBe('Author 01/Author 00');
    expect(names[0]).toBe('Author 00/-');
    const sql = Post.objects.selectRelated('author', 'editor').sql().sql;
    expect(sql).toMatch(/INNER JOIN .*blog_author.* LEFT OUTER JOIN/);
  });

  t.test('selectRelated across two levels', async () => {
    await blog(10);
    const comments = await assertNumQueries(1, () => Comment.objects.selectRelated('post__author').orderBy('id'));
    expect(comments[0]!.post.author.name).toBe('Author 00');
    expect(comments).toHaveLength(10);
  });

  t.test('selectRelated() with no names follows required foreign keys all the way down, not nullable ones', async (db) => {
    await blog(10);
    const comments = await assertNumQueries(1, () => Comment.objects.selectRelated().orderBy('id'));
    // comment → post (required) → author (required): both levels loaded by the one query...
    expect(comments[0]!.post.author.name).toBe('Author 00');
    // ...but post → editor is nullable, so it is left out, as in Django.
    const sql = Comment.objects.selectRelated().sql().sql;
    expect(sql.match(/JOIN/g)).toHaveLength(2);
    const edited = comments.find((c) => c.post.editorId !== null)!;
    expect(() => edited.post.editor).toThrow(/Post.editor is not loaded/);
    expect(await db.query(Comment.objects.selectRelated().sql().sql)).toHaveLength(10);
  });

  t.test('N+1 over 100 posts with tags and comments: prefetchRelated makes it 1 + 2 queries', async () => {
    await blog(100);
    const counts = await assertNumQueries(3, async () => {
      const out: number[] = [];
      for (const p of await Post.objects.prefetchRelated('tags', 'comments').orderBy('id')) {
        out.push((await p.tags.all()).length + (await p.comments.all()).length);
      }
      return out;
    });
    expect(counts.slice(0, 3)).toEqual([3, 3, 3]);
    expect(counts[25]).toBe(1);
    expect(counts[99]).toBe(0);
  });

  t.test('prefetch reverse FK, multi-level, and Prefetch(queryset, toAttr)', async () => {
    await blog(30);
    const authors = await assertNumQueries(3, () => Author.objects.prefetchRelated('posts__comments').orderBy('name'));
    const first = authors[0]!;
    expect((await first.posts.all()).map((p) => p.title)).toEqual(['Post 0', 'Post 10', 'Post 20']);
    await assertNumQueries(0, async () => {
      for (const p of await first.posts.all()) expect(await p.comments.count()).toBe(1);
    });
    const withLatest = await assertNumQueries(2, () =>
      Author.objects.prefetchRelated(new Prefetch('posts', { queryset: Post.objects.filter({ title__endswith: '0' }).orderBy('-id'), toAttr: 'tens' })),
    );
    const tens = (withLatest[0] as unknown as { tens: Post[] }).tens.map((p) => p.title);
    expect(tens).toEqual(['Post 20', 'Post 10', 'Post 0']);
  });

  t.test('M2M from the other side, and prefetch of a forward FK', async () => {
    await blog(20);
    const tags = await assertNumQueries(2, () => Tag.objects.prefetchRelated('posts').orderBy('name'));
    expect(tags.map((t) => t.name)).toEqual(['orm', 'sql', 'ts']);
    expect((await (tags[1] as unknown as { posts: ManyRelatedManager<Post> }).posts.all()).length).toBe(20);
    const comments = await assertNumQueries(2, () => Comment.objects.prefetchRelated('post').orderBy('id').slice(0, 5));
    expect(comments[0]!.post.title).toBe('Post 0');
  });

  t.test('related managers: author.posts.all()/create()/count(), filtering through them', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    const p = await ann.posts.create({ title: 'mine' });
    expect(p.authorId).toBe(ann.id);
    await ann.posts.create({ title: 'also mine', published: true });
    expect(await ann.posts.count()).toBe(2);
    expect((await ann.posts.filter({ published: true })).map((x) => x.title)).toEqual(['also mine']);
    const bob = await Author.objects.create({ name: 'Bob', email: 'bob@x.com' });
    await bob.posts.add(p);
    expect(await ann.posts.count()).toBe(1);
    expect(await bob.edited.count()).toBe(0);
  });

  t.test('many-to-many: add, remove, set, clear from both sides', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    const post = await Post.objects.create({ title: 'T', author: ann });
    const [sql, orm, ts] = await Tag.objects.bulkCreate([new Tag({ name: 'sql' }), new Tag({ name: 'orm' }), new Tag({ name: 'ts' })]);
    await post.tags.add(sql!, orm!);
    await post.tags.add(sql!); // already there: left alone
    expect((await post.tags.orderBy('name')).map((t) => t.name)).toEqual(['orm', 'sql']);
    await post.tags.remove(sql!);
    expect((await post.tags.all()).map((t) => t.name)).toEqual(['orm']);
    await post.tags.set([ts!, sql!]);
    expect((await post.tags.orderBy('name')).map((t) => t.name)).toEqual(['sql', 'ts']);
    const tsPosts = (ts as unknown as { posts: ManyRelatedManager<Post> }).posts;
    expect((await tsPosts.all()).map((p) => p.title)).toEqual(['T']);
    await post.tags.clear();
    expect(await post.tags.count()).toBe(0);
    expect(await Post.objects.filter({ tags__name: 'sql' }).count()).toBe(0);
  });

  t.test('lazy targets both ways, one-to-one, explicit through model', async () => {
    const team = await Team.objects.create({ name: 'Reds' });
    const kim = await Player.objects.create({ name: 'Kim', team });
    team.captain = kim;
    await team.save();
    expect((await Team.objects.selectRelated('captain').get({ pk: team.pk })).captain!.name).toBe('Kim');
    expect(await Player.objects.filter({ captainOf__name: 'Reds' }).count()).toBe(1);
    expect((await (team as unknown as { players: RelatedManager<Player> }).players.all()).map((p) => p.name)).toEqual(['Kim']);
    await Profile.objects.create({ player: kim, nickname: 'K' });
    expect((await Profile.objects.selectRelated('player').get({ player__name: 'Kim' })).player.name).toBe('Kim');
    expect(await Player.objects.filter({ profile__nickname: 'K' }).count()).toBe(1);
    // The reverse side of a one-to-one can be selected too (a LEFT OUTER JOIN: it may be missing).
    const [withProfile] = await assertNumQueries(1, () => Player.objects.selectRelated('profile'));
    expect(withProfile!.profile.nickname).toBe('K');
    expect(Player.objects.selectRelated('profile').sql().sql).toMatch(/LEFT OUTER JOIN/);
    expect(() => Player.objects.selectRelated('clubs').sql()).toThrow(/Invalid field name given in selectRelated: 'clubs'. Choices are: profile, team\. Many-valued relations/);
    const club = await Club.objects.create({ name: 'Chess' });
    await Membership.objects.create({ club, player: kim, years: 3 });
    expect((await club.members.all()).map((p) => p.name)).toEqual(['Kim']);
    expect(await Player.objects.filter({ clubs__name: 'Chess' }).count()).toBe(1);
    // An undeclared reverse relation is not in the typed keys: a Q takes any string (checked at run time).
    expect(await Club.objects.filter({ members__name: 'Kim' }, new Q({ membership__years__gte: 3 })).count()).toBe(1);
  });
});
