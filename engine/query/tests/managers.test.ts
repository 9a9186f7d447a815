import { expect, expectTypeOf } from 'vitest';
import {
  BooleanField, CASCADE, CharField, createTables, DateTimeField, dropTables, ForeignKey, Manager, Model, QuerySet,
  type RelatedManager,
} from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';

class Writer extends Model.define('mgr', 'Writer', { name: CharField({ maxLength: 50 }) }) {
  declare static objects: Manager<Writer>;
  declare articles: RelatedManager<Article>;
}

// A QuerySet subclass: its methods chain, on the manager and on every queryset it returns.
class ArticleQuerySet extends QuerySet<Article> {
  published() {
    return this.filter({ published: true });
  }
  recent() {
    return this.orderBy('-createdAt');
  }
}

// Soft delete: `objects` hides deleted rows (and is the default manager, so related managers
// hide them too); `allObjects` sees everything.
class ActiveArticles extends Manager<Article> {
  override getQueryset() {
    return super.getQueryset().filter({ deleted: false });
  }
}

class Article extends Model.define('mgr', 'Article', {
  title: CharField({ maxLength: 50 }),
  writer: ForeignKey(() => Writer, { onDelete: CASCADE, relatedName: 'articles' }),
  published: BooleanField({ default: false }),
  deleted: BooleanField({ default: false }),
  createdAt: DateTimeField({ autoNowAdd: true }),
}) {
  static override objects: ActiveArticles = new ActiveArticles(this);
  static allObjects = new Manager<Article>(this);
  static byQuery = ArticleQuerySet.asManager(this);
}

// Declares a manager under another name: no automatic `objects` (Django's rule).
class Archive extends Model.define('mgr', 'Archive', { title: CharField({ maxLength: 50 }) }) {
  static everything = new Manager<Archive>(this);
}

// Managers are inherited from an abstract base, each bound to the child.
class LiveOnly extends Manager<any> {
  override getQueryset() {
    return super.getQueryset().filter({ gone: false });
  }
}
class Erasable extends Model.define('mgr', 'Erasable', { gone: BooleanField({ default: false }) }, { abstract: true }) {
  static live = new LiveOnly(this);
}
class Memo extends Erasable.define('mgr', 'Memo', { text: CharField({ maxLength: 20 }) }) {}

describeDialects('managers and custom querysets', (t) => {
  t.setup((db) => createTables(db, [Writer, Article, Memo]).then(() => undefined));
  t.teardown((db) => dropTables(db, [Writer, Article, Memo]));

  async function seed() {
    const w = await Writer.objects.create({ name: 'W' });
    const a = await Article.allObjects.create({ title: 'a', writer: w, published: true });
    await Article.allObjects.create({ title: 'b', writer: w });
    await Article.allObjects.create({ title: 'c', writer: w, published: true, deleted: true });
    await Article.allObjects.filter({ pk: a.pk }).update({ createdAt: new Date('2020-01-01T00:00:00Z') });
    return w;
  }

  t.test('several managers; the first declared is the default one', async () => {
    const w = await seed();
    expect(await Article.objects.count()).toBe(2);
    expect(await Article.allObjects.count()).toBe(3);
    expect(Article._meta.defaultManager).toBe(Article.objects);
    expect(Article.objects.name).toBe('objects');
    // Related managers start from the default manager: deleted rows stay hidden.
    expect((await w.articles.all()).map((a) => a.title).sort()).toEqual(['a', 'b']);
  });

  t.test('a model that declares managers gets no automatic objects', () => {
    expect(() => Archive.objects).toThrow("Archive declares its own managers (everything), so it has no automatic 'objects'.");
    expect(Archive._meta.defaultManager).toBe(Archive.everything);
    expect(Writer._meta.defaultManager).toBe(Writer.objects);
  });

  t.test('a manager declared on an abstract base works on each child', async () => {
    await Memo.live.create({ text: 'kept' });
    await Memo.live.create({ text: 'gone', gone: true });
    expect(Memo.live.model).toBe(Memo);
    expect(await Memo.live.valuesList('text', { flat: true })).toEqual(['kept']);
    expect(Memo._meta.defaultManager).toBe(Memo.live);
    expect(() => Memo.objects).toThrow(/no automatic 'objects'/);
  });

  t.test('QuerySet subclass methods chain from the manager and from each other', async () => {
    await seed();
    const titles = await Article.byQuery.published().recent().valuesList('title', { flat: true });
    expect(titles).toEqual(['c', 'a']);
    expect(await Article.byQuery.filter({ deleted: false }).published().count()).toBe(1);
    expectTypeOf(Article.byQuery.published().recent()).toEqualTypeOf<ArticleQuerySet>();
    expectTypeOf(Article.objects.get).returns.resolves.toEqualTypeOf<Article>();
  });
});
