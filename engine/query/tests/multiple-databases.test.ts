import { expect, inject } from 'vitest';
import { connect, connections, createTables, Database, dropTables, router, type Router } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { createThrowawayDatabase, dropDatabase, throwawayName } from '../../testing/throwaway.ts';
import { Author, blogModels, Comment, Post, Tag } from '../../models/tests/blog.ts';

/** With routers installed for the length of `fn`. */
async function withRouters<T>(routers: Router[], fn: () => Promise<T>): Promise<T> {
  const previous = router.set(routers);
  try {
    return await fn();
  } finally {
    router.set(previous);
  }
}

describeDialects('multiple databases: using(), routers, _state.db', (t) => {
  let other: Database;
  let throwaway: string | undefined;
  t.setup(async (db) => {
    await createTables(db, blogModels);
    let url = t.target.url;
    if (t.dialect === 'sqlite') url = 'sqlite::memory:';
    else url = await createThrowawayDatabase(t.target.url, (throwaway = throwawayName(inject('workbook').runId)));
    other = connections.register(await connect(url, { alias: 'other', poolSize: 2 }));
    await createTables(other, blogModels);
  });
  t.teardown(async (db) => {
    await dropTables(db, blogModels);
    connections.unregister('other');
    await other.close();
    if (throwaway) await dropDatabase(t.target.url, throwaway);
  });
  const clearOther = () => Author.objects.using('other').all().delete().then(() => Tag.objects.using('other').all().delete());

  t.test('using() on querysets, save() and delete(); _state.db says where an instance came from', async (db) => {
    await clearOther();
    const ann = await Author.objects.using('other').create({ name: 'Ann', email: 'ann@x.com' });
    expect(ann._state.db).toBe('other');
    expect(await Author.objects.count()).toBe(0);
    expect(await Author.objects.using('other').count()).toBe(1);
    const loaded = await Author.objects.using('other').get({ name: 'Ann' });
    expect(loaded._state.db).toBe('other');
    loaded.bio = 'edited';
    await loaded.save(); // back to where it came from
    expect((await Author.objects.using('other').get({ pk: loaded.pk })).bio).toBe('edited');
    const copy = new Author({ name: 'Bob', email: 'bob@x.com' });
    await copy.save({ using: 'other' });
    expect(copy._state.db).toBe('other');
    const local = await Author.objects.create({ name: 'Cy', email: 'cy@x.com' });
    expect(local._state.db).toBe('default');
    await copy.delete();
    expect(await Author.objects.using('other').valuesList('name', { flat: true })).toEqual(['Ann']);
    expect(await Author.objects.valuesList('name', { flat: true })).toEqual(['Cy']);
    expect(other.queries.some((q) => q.sql.startsWith('DELETE'))).toBe(true);
    expect(db.queries.some((q) => q.sql.startsWith('DELETE'))).toBe(false);
    await expect(Author.objects.using('nowhere').count()).rejects.toThrow(/No database named "nowhere" is registered/);
  });

  t.test('a router: Tag lives on "other", reads and writes follow it without using()', async () => {
    await clearOther();
    const tagsElsewhere: Router = {
      dbForRead: (model) => (model._meta.label === 'blog.Tag' ? 'other' : undefined),
      dbForWrite: (model) => (model._meta.label === 'blog.Tag' ? 'other' : undefined),
    };
    await withRouters([tagsElsewhere], async () => {
      const tag = await Tag.objects.create({ name: 'sql' });
      expect(tag._state.db).toBe('other');
      expect(await Tag.objects.count()).toBe(1);
      expect(await Tag.objects.using('default').count()).toBe(0);
      await Tag.objects.filter({ name: 'sql' }).update({ name: 'SQL' });
      expect(await Tag.objects.using('other').valuesList('name', { flat: true })).toEqual(['SQL']);
      expect(router.dbForRead(Author)).toBe('default'); // the router passed: the default answer
    });
  });

  t.test('a read replica router: reads go to one database, writes to another', async () => {
    await clearOther();
    const replica: Router = { dbForRead: () => 'other', dbForWrite: () => 'default', allowRelation: () => true };
    await withRouters([replica], async () => {
      await Author.objects.create({ name: 'Ann', email: 'ann@x.com' }); // written to default
      expect(await Author.objects.count()).toBe(0); // read from "other", where nothing was replicated
      expect(await Author.objects.using('default').count()).toBe(1);
    });
  });

  t.test('a relation across databases is refused, unless a router allows it', async () => {
    await clearOther();
    const ann = await Author.objects.using('other').create({ name: 'Ann', email: 'ann@x.com' });
    const bob = await Author.objects.create({ name: 'Bob', email: 'bob@x.com' });
    const post = await Post.objects.create({ title: 'Here', author: bob });
    expect(() => {
      post.author = ann;
    }).toThrow(/Cannot assign Author object \(\d+\) from database 'other' to a Post of database 'default': the current database router prevents this relation/);
    await withRouters([{ allowRelation: () => true }], async () => {
      post.author = ann;
      expect(post.authorId).toBe(ann.pk);
    });
    const fresh = new Post({ title: 'New', author: ann }); // an unsaved object takes its relation's database
    expect(fresh._state.db).toBe('other');
    const tag = await Tag.objects.using('other').create({ name: 'elsewhere' });
    await expect(post.tags.add(tag)).rejects.toThrow(/Cannot add Tag object \(\d+\): instance is on database "default", value is on database "other"/);
    await expect(bob.posts.add(await Post.objects.using('other').create({ title: 'There', author: ann }))).rejects.toThrow(/instance is on database "default", value is on database "other"/);
  });

  t.test('allowMigrate: createTables() skips the models a router keeps off a database', async () => {
    const commentsOnDefaultOnly: Router = { allowMigrate: (dbAlias, app, model) => (app === 'blog' && model === 'comment' ? dbAlias === 'default' : undefined) };
    await withRouters([commentsOnDefaultOnly], async () => {
      const before = other.queries.length;
      await createTables(other, [Comment]);
      expect(other.queries.slice(before).filter((q) => q.sql.startsWith('CREATE'))).toEqual([]);
      expect(router.allowMigrate('default', Comment)).toBe(true);
      expect(router.allowMigrate('other', Comment)).toBe(false);
      expect(router.allowMigrate('other', Post)).toBe(true);
    });
  });
});
