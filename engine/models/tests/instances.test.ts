import { expect } from 'vitest';
import { CharField, createTables, dropTables, Model, MultipleObjectsReturned, ObjectDoesNotExist } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post, Tag } from './blog.ts';

// An explicit primary key: no `id`; save() tries UPDATE, then INSERT when no row matched.
class Country extends Model.define('inst', 'Country', {
  code: CharField({ maxLength: 2, primaryKey: true }),
  name: CharField({ maxLength: 50 }),
}) {}
const models = [...blogModels, Country];

describeDialects('instances', (t) => {
  t.setup((db) => createTables(db, models).then(() => undefined));
  t.teardown((db) => dropTables(db, models));

  t.test('an explicit primary key', async (db) => {
    const no = new Country({ code: 'NO', name: 'Norway' });
    expect(no.pk).toBe('NO');
    const { queries } = await db.log.capture(() => no.save());
    expect(queries.filter((q) => q.kind === 'query').map((q) => q.sql.split(' ')[0])).toEqual(['UPDATE', 'INSERT']);
    no.name = 'Noreg';
    await no.save();
    expect((await Country.objects.get({ pk: 'NO' })).name).toBe('Noreg');
    expect(await Country.objects.count()).toBe(1);
    expect('id' in no).toBe(false);
  });

  t.test('instance state: adding and db', async (db) => {
    const a = new Author({ name: 'Ann', email: 'ann@x.com' });
    expect([a._state.adding, a._state.db, a.pk]).toEqual([true, null, null]);
    await a.save();
    expect([a._state.adding, a._state.db]).toEqual([false, db.alias]);
    const loaded = await Author.objects.get({ pk: a.pk });
    expect([loaded._state.adding, loaded._state.db]).toEqual([false, 'default']);
  });

  t.test('equality by primary key and a readable string form', async () => {
    const a = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    const b = await Author.objects.get({ pk: a.pk });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(new Author({ name: 'Ann', email: 'ann@x.com' }))).toBe(false);
    expect(new Author({ name: 'x', email: 'y' }).equals(new Author({ name: 'x', email: 'y' }))).toBe(false);
    const tag = await Tag.objects.create({ name: 'sql' });
    expect(a.equals(tag)).toBe(false);
    expect(String(a)).toBe('Ann'); // Author overrides toString()
    expect(String(tag)).toBe(`Tag object (${tag.pk})`);
    expect(String(new Tag({ name: 'x' }))).toBe('Tag object (None)');
    expect(JSON.parse(JSON.stringify(tag))).toEqual({ id: tag.pk, name: 'sql' });
  });

  t.test('each model has its own DoesNotExist / MultipleObjectsReturned, subclassing the generic ones', async () => {
    const err = await Tag.objects.get({ name: 'none' }).catch((e) => e);
    expect(err).toBeInstanceOf(Tag.DoesNotExist);
    expect(err).toBeInstanceOf(ObjectDoesNotExist);
    expect(err).not.toBeInstanceOf(Author.DoesNotExist);
    expect(err.name).toBe('DoesNotExist');
    expect(new Post.MultipleObjectsReturned('x')).toBeInstanceOf(MultipleObjectsReturned);
  });

  t.test('unknown constructor keywords are refused, naming the fields', () => {
    expect(() => new Tag({ nme: 'x' } as never)).toThrow("Tag() got an unexpected keyword 'nme'. Its fields are: id, name.");
  });

  t.test('refreshFromDb() reloads, also just some fields', async () => {
    const a = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    await Author.objects.filter({ pk: a.pk }).update({ name: 'Anna', bio: 'new' });
    await a.refreshFromDb({ fields: ['name'] });
    expect([a.name, a.bio]).toEqual(['Anna', null]);
    await a.refreshFromDb();
    expect(a.bio).toBe('new');
  });

  t.test('using(): the alias is looked up when the query runs', async () => {
    await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    expect(await Author.objects.using('default').count()).toBe(1);
    const elsewhere = Author.objects.using('replica');
    await expect(elsewhere.count()).rejects.toThrow(/No database named "replica"/);
  });

  t.test('saving an object whose related object is unsaved is refused', async () => {
    const ghost = new Author({ name: 'G', email: 'g@x.com' });
    await expect(Post.objects.create({ title: 'x', author: ghost })).rejects.toThrow(/unsaved related object 'author'/);
  });
});
