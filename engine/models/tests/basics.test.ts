import { expect } from 'vitest';
import { createTables, dropTables } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post } from './blog.ts';

describeDialects('models: create, get, save, delete', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('create() inserts and sets the primary key; get() reads it back', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    expect(typeof ann.id).toBe('number');
    expect(ann.pk).toBe(ann.id);
    expect(ann._state.adding).toBe(false);
    const again = await Author.objects.get({ email: 'ann@x.com' });
    expect(again.name).toBe('Ann');
    expect(again.bio).toBeNull();
    expect(again.equals(ann)).toBe(true);
    expect(again.display).toBe('ANN');
    expect(await Author.objects.count()).toBe(1);
  });

  t.test('save() updates, delete() removes', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    ann.name = 'Anna';
    await ann.save();
    expect((await Author.objects.get({ pk: ann.pk })).name).toBe('Anna');
    const post = await Post.objects.create({ title: 'Hello', author: ann });
    expect(post.authorId).toBe(ann.id);
    expect(post.createdAt).toBeInstanceOf(Date);
    await ann.delete();
    expect(await Author.objects.count()).toBe(0);
    expect(await Post.objects.count()).toBe(0);
  });
});
