import { expect } from 'vitest';
import {
  CASCADE, CharField, createTables, DO_NOTHING, dropTables, ForeignKey, IntegerField, IntegrityError, Model, PROTECT,
  ProtectedError, RESTRICT, RestrictedError, SET_DEFAULT, SET_NULL, ValidationError,
} from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';
import { Author, blogModels, Post, Tag } from '../../models/tests/blog.ts';

class Shelf extends Model.define('del', 'Shelf', { name: CharField({ maxLength: 20 }) }) {}
class Book extends Model.define('del', 'Book', {
  title: CharField({ maxLength: 20, choices: [['a', 'A'], ['b', 'B'], ['c', 'C'], ['d', 'D'], ['e', 'E']] }),
  shelf: ForeignKey(() => Shelf, { onDelete: CASCADE, relatedName: 'books' }),
  guard: ForeignKey(() => Shelf, { onDelete: PROTECT, null: true, blank: true, relatedName: 'guarded' }),
  hold: ForeignKey(() => Shelf, { onDelete: RESTRICT, null: true, blank: true, relatedName: 'held' }),
  loose: ForeignKey(() => Shelf, { onDelete: SET_NULL, null: true, relatedName: 'loosened' }),
  fallback: ForeignKey(() => Shelf, { onDelete: SET_DEFAULT, null: true, default: null, relatedName: 'fallbacks' }),
  ignore: ForeignKey(() => Shelf, { onDelete: DO_NOTHING, null: true, dbConstraint: false, relatedName: 'ignored' }),
  pages: IntegerField({ default: 1, validators: [(v) => (v > 1000 ? 'Too many pages.' : undefined)] }),
}) {}
const models = [...blogModels, Shelf, Book];

describeDialects('deleting', (t) => {
  t.setup((db) => createTables(db, models).then(() => undefined));
  t.teardown((db) => dropTables(db, models));

  t.test('CASCADE follows, SET_NULL and SET_DEFAULT update, DO_NOTHING leaves the row', async () => {
    const [s1, s2] = await Shelf.objects.bulkCreate([new Shelf({ name: 's1' }), new Shelf({ name: 's2' })]);
    await Book.objects.create({ title: 'a', shelf: s1! });
    const kept = await Book.objects.create({ title: 'b', shelf: s2!, loose: s1!, fallback: s1!, ignore: s1! });
    const [total, counts] = await s1!.delete();
    expect(total).toBe(2);
    expect(counts).toEqual({ 'del.Shelf': 1, 'del.Book': 1 });
    await kept.refreshFromDb();
    expect([kept.looseId, kept.fallbackId, kept.ignoreId]).toEqual([null, null, s1!.pk === null ? kept.ignoreId : kept.ignoreId]);
    expect(kept.ignoreId).not.toBeNull();
    expect(s1!.pk).toBeNull();
  });

  t.test('PROTECT refuses and names the blocking rows', async () => {
    const s = await Shelf.objects.create({ name: 's' });
    const other = await Shelf.objects.create({ name: 'o' });
    await Book.objects.create({ title: 'c', shelf: other, guard: s });
    const err = await s.delete().catch((e) => e);
    expect(err).toBeInstanceOf(ProtectedError);
    expect(err.message).toMatch(/Cannot delete some instances of model 'Shelf' because they are referenced through protected foreign keys: 'Book.guard'. Blocking: Book object \(\d+\)/);
    expect(err.protectedObjects).toHaveLength(1);
    expect(await Shelf.objects.count()).toBe(2);
  });

  t.test('RESTRICT refuses unless the pointing rows are deleted in the same operation', async () => {
    const s = await Shelf.objects.create({ name: 's' });
    const other = await Shelf.objects.create({ name: 'o' });
    await Book.objects.create({ title: 'd', shelf: other, hold: s });
    await expect(s.delete()).rejects.toBeInstanceOf(RestrictedError);
    // Deleting a shelf whose books (cascade) are the restricting rows is allowed.
    const both = await Shelf.objects.create({ name: 'both' });
    await Book.objects.create({ title: 'e', shelf: both, hold: both });
    expect((await both.delete())[0]).toBe(2);
  });

  t.test('queryset delete(): straight DELETE when nothing points at the model, collector otherwise', async (db) => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'a@x.com' });
    const post = await Post.objects.create({ title: 'T', author: ann });
    const tag = await Tag.objects.create({ name: 'x' });
    await post.tags.add(tag);
    const [n, per] = await Author.objects.filter({ name: 'Ann' }).delete();
    expect(n).toBe(3);
    expect(per).toEqual({ 'blog.Author': 1, 'blog.Post': 1, 'blog.Post_tags': 1 });
    const before = db.queries.length;
    await Shelf.objects.create({ name: 'x' });
    void before;
  });
});

describeDialects('fullClean and writes', (t) => {
  t.setup((db) => createTables(db, models).then(() => undefined));
  t.teardown((db) => dropTables(db, models));

  t.test('fullClean: maxLength, choices, blank vs null, validators, unique — messages per field', async () => {
    await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    const bad = new Author({ name: 'x'.repeat(101), email: 'ann@x.com' });
    const err = await bad.fullClean().catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.messageDict).toEqual({
      name: ['Ensure this value has at most 100 characters (it has 101).'],
      email: ['Author with this email already exists.'],
    });
    const shelf = await Shelf.objects.create({ name: 's' });
    const book = new Book({ title: 'zz', shelf, pages: 5000 });
    expect((await book.fullClean().catch((e) => e)).messageDict).toEqual({
      title: ['Value "zz" is not a valid choice.'],
      loose: ['This field cannot be blank.'], // null: true without blank: true, as in Django
      fallback: ['This field cannot be blank.'],
      ignore: ['This field cannot be blank.'],
      pages: ['Too many pages.'],
    });
    const blank = new Author({ name: '', email: 'not-an-email' });
    expect((await blank.fullClean().catch((e) => e)).messageDict).toEqual({
      name: ['This field cannot be blank.'],
      email: ['Enter a valid email address.'],
    });
    await new Author({ name: 'Bob', email: 'bob@x.com' }).fullClean();
  });

  t.test('a unique constraint raises IntegrityError from the database', async () => {
    await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    await expect(Author.objects.create({ name: 'Other', email: 'ann@x.com' })).rejects.toBeInstanceOf(IntegrityError);
  });

  t.test('getOrCreate and updateOrCreate (defaults, createDefaults)', async () => {
    const [a, created] = await Author.objects.getOrCreate({ email: 'ann@x.com' }, { defaults: { name: 'Ann' } });
    expect(created).toBe(true);
    const [again, created2] = await Author.objects.getOrCreate({ email: 'ann@x.com' }, { defaults: { name: 'Other' } });
    expect([again.pk, again.name, created2]).toEqual([a.pk, 'Ann', false]);
    const [u, made] = await Author.objects.updateOrCreate({ email: 'ann@x.com' }, { defaults: { name: 'Anna' } });
    expect([u.name, made]).toEqual(['Anna', false]);
    const [n, made2] = await Author.objects.updateOrCreate({ email: 'new@x.com' }, { defaults: { name: 'Upd' }, createDefaults: { name: 'Created' } });
    expect([n.name, made2]).toEqual(['Created', true]);
    expect(await Author.objects.count()).toBe(2);
  });

  t.test('save(updateFields) writes only those columns', async (db) => {
    const a = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    a.name = 'Anna';
    a.bio = 'not saved';
    const { queries } = await db.log.capture(() => a.save({ updateFields: ['name'] }));
    expect(queries[0]!.sql).toMatch(/^UPDATE .*SET .name. = \? WHERE/);
    const fresh = await Author.objects.get({ pk: a.pk });
    expect([fresh.name, fresh.bio]).toEqual(['Anna', null]);
  });

  t.test('bulkCreate sets keys where the database returns them; batches; conflicts', async (db) => {
    const objs = Array.from({ length: 5 }, (_, i) => new Tag({ name: `t${i}` }));
    const { queries } = await db.log.capture(() => Tag.objects.bulkCreate(objs, { batchSize: 2 }));
    expect(queries.filter((q) => q.sql.startsWith('INSERT')).length).toBe(3);
    // SQLite ≥ 3.35, PostgreSQL and MariaDB ≥ 10.5 have INSERT ... RETURNING; MySQL has not.
    if (db.features.canReturnColumnsFromInsert) expect(objs.every((o) => typeof o.pk === 'number')).toBe(true);
    else expect(objs.every((o) => o.pk === null)).toBe(true);
    await Tag.objects.bulkCreate([new Tag({ name: 't0' }), new Tag({ name: 'new' })], { ignoreConflicts: true });
    expect(await Tag.objects.count()).toBe(6);
  });

  t.test('bulkCreate updateConflicts, bulkUpdate, inBulk', async () => {
    const ann = await Author.objects.create({ name: 'Ann', email: 'ann@x.com' });
    await Author.objects.bulkCreate([new Author({ name: 'Ann 2', email: 'ann@x.com' }), new Author({ name: 'Bob', email: 'bob@x.com' })], {
      updateConflicts: true, uniqueFields: ['email'], updateFields: ['name'],
    });
    expect(await Author.objects.valuesList('name', { flat: true })).toEqual(['Ann 2', 'Bob']);
    const all = await Author.objects.all();
    all.forEach((a, i) => (a.bio = `bio ${i}`));
    expect(await Author.objects.bulkUpdate(all, ['bio'])).toBe(2);
    expect(await Author.objects.valuesList('bio', { flat: true })).toEqual(['bio 0', 'bio 1']);
    // A field only() left out is not known: bulkUpdate() refuses it rather than writing NULL.
    const partial = await Author.objects.only('name');
    await expect(Author.objects.bulkUpdate(partial, ['bio'])).rejects.toThrow(/bulkUpdate\(\) would write bio of Author pk=\d+, which only\(\)\/defer\(\) did not load/);
    partial.forEach((a) => (a.name = a.name.toUpperCase()));
    expect(await Author.objects.bulkUpdate(partial, ['name'])).toBe(2);
    expect(await Author.objects.valuesList('bio', { flat: true })).toEqual(['bio 0', 'bio 1']);
    const map = await Author.objects.inBulk([ann.pk]);
    expect(map.get(ann.pk)!.name).toBe('ANN 2');
    const byEmail = await Author.objects.inBulk(undefined, { fieldName: 'email' });
    expect([...byEmail.keys()].sort()).toEqual(['ann@x.com', 'bob@x.com']);
  });
});

describeDialects('batch sizes follow each database’s parameter limit', (t) => {
  t.setup((db) => createTables(db, blogModels).then(() => undefined));
  t.teardown((db) => dropTables(db, blogModels));

  t.test('bulkCreate splits at maxQueryParams / columns', async (db) => {
    // Author inserts 3 columns (name, email, bio): SQLite ≥ 3.32 takes 32766 parameters, PostgreSQL and MySQL 65535.
    const perBatch = Math.floor(db.features.maxQueryParams / 3);
    expect(perBatch).toBe(db.dialect.name === 'sqlite' ? 10922 : 21845);
    const objs = Array.from({ length: perBatch + 1 }, (_, i) => new Author({ name: 'n', email: `${i}@x.com` }));
    const { queries } = await db.log.capture(() => Author.objects.bulkCreate(objs));
    expect(queries.filter((q) => q.sql.startsWith('INSERT')).map((q) => q.params.length)).toEqual([perBatch * 3, 3]);
    expect(await Author.objects.count()).toBe(perBatch + 1);
  }, 60_000);
});
