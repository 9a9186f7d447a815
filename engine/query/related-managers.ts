// The managers relations put on instances: `author.posts` (reverse ForeignKey) and
// `post.tags` / `tag.posts` (many-to-many, both sides). Their querysets are filtered to the
// instance; after prefetchRelated, `.all()` answers from the prefetched rows without a query.
import type { Database } from '../db/database.ts';
import { connections } from '../db/connections.ts';
import { router } from '../db/router.ts';
import type { Field } from '../models/fields/field.ts';
import { ForeignKeyType, ManyToManyFieldType } from '../models/fields/related.ts';
import { Model } from '../models/model.ts';
import type { Options } from '../models/options.ts';
import { apps } from '../models/registry.ts';
import type { CreateOf, ModelClass } from '../models/types.ts';
import { Manager } from './manager.ts';
import { QuerySet } from './queryset.ts';

type Attrs = Record<string, unknown>;

abstract class InstanceManager<T extends Model> extends Manager<T> {
  constructor(
    protected readonly instance: Model,
    protected readonly accessor: string,
    target: ModelClass,
  ) {
    super();
    Object.defineProperty(this, 'model', { value: target._meta.model });
  }

  protected get database(): Database {
    return connections.get(this.instance._state.db ?? 'default');
  }

  protected requireSaved(): void {
    if (this.instance.pk === null || this.instance.pk === undefined) {
      throw new TypeError(`${this.instance.meta.objectName} instance needs a primary key value before this relationship (${this.accessor}) can be used.`);
    }
  }

  protected abstract filtered(): QuerySet<T>;

  override getQueryset(): QuerySet<T> {
    this.requireSaved();
    const qs = this.filtered().using(this.database.alias);
    const prefetched = this.instance._state.prefetched.get(this.accessor);
    if (prefetched) (qs as unknown as { resultCache: unknown[] }).resultCache = prefetched;
    return qs;
  }

  /** The queryset itself (not a clone), so prefetched rows are used. */
  override all = (): QuerySet<T> => this.getQueryset();

  /** The related rows' default manager's queryset (so a manager hiding rows hides them here too). */
  protected base(): QuerySet<T> {
    const meta = this.model._meta as Options;
    return meta.managers.length ? (meta.defaultManager.getQueryset() as QuerySet<T>) : new QuerySet<T>(this.model);
  }
}

/** `author.posts`: the rows whose foreign key points at this instance. */
export class RelatedManager<T extends Model> extends InstanceManager<T> {
  constructor(
    instance: Model,
    private readonly field: ForeignKeyType,
  ) {
    super(instance, field.relatedAccessorName, field.model);
  }

  protected filtered(): QuerySet<T> {
    return this.base().filter({ [this.field.name]: this.instance.pk } as never);
  }

  override create = async (values: Partial<CreateOf<T>> & Attrs): Promise<T> => {
    this.requireSaved();
    const obj = new this.model({ ...values, [this.field.attname]: this.instance.pk });
    await obj.save({ forceInsert: true, using: this.database.alias });
    return obj;
  };

  /** Point existing objects at this instance (an UPDATE). */
  async add(...objs: T[]): Promise<void> {
    this.requireSaved();
    checkSameDatabases(this.instance, objs);
    for (const obj of objs) (obj as unknown as Attrs)[this.field.attname] = this.instance.pk;
    const pks = objs.map((o) => o.pk);
    await new QuerySet(this.model).using(this.database.alias).filter({ pk__in: pks } as never).update({ [this.field.attname]: this.instance.pk });
  }

  /** Detach objects (only for a nullable foreign key). */
  async remove(...objs: T[]): Promise<void> {
    this.nullableOnly('remove');
    await new QuerySet(this.model).using(this.database.alias)
      .filter({ pk__in: objs.map((o) => o.pk), [this.field.attname]: this.instance.pk } as never)
      .update({ [this.field.attname]: null });
    for (const obj of objs) (obj as unknown as Attrs)[this.field.attname] = null;
  }

  async clear(): Promise<void> {
    this.nullableOnly('clear');
    await this.filtered().using(this.database.alias).update({ [this.field.attname]: null });
  }

  private nullableOnly(what: string): void {
    if (!this.field.null) {
      throw new TypeError(`${what}() is only available on a nullable foreign key; ${this.field.label} is not null=true. Delete the objects instead.`);
    }
  }
}

/** `post.tags` (reverse: false) or `tag.posts` (reverse: true): rows linked through the join table. */
export class ManyRelatedManager<T extends Model> extends InstanceManager<T> {
  constructor(
    instance: Model,
    private readonly field: ManyToManyFieldType,
    private readonly isReverse: boolean,
  ) {
    super(instance, isReverse ? field.relatedAccessorName : field.name, isReverse ? field.model : field.relatedModel);
  }

  /** [FK to this instance's side, FK to the other side] on the through model. */
  private sides(): [ForeignKeyType, ForeignKeyType] {
    const [source, target] = this.field.throughFields;
    return this.isReverse ? [target, source] : [source, target];
  }

  protected filtered(): QuerySet<T> {
    const name = this.isReverse ? this.field.name : this.field.relatedQueryName;
    return this.base().filter({ [name]: this.instance.pk } as never);
  }

  private throughQs(): QuerySet<Model> {
    const [mine] = this.sides();
    return new QuerySet<Model>(this.field.through._meta.model).using(this.database.alias).filter({ [mine.attname]: this.instance.pk });
  }

  /** Link objects (or keys); links that exist already are left alone. */
  async add(...objs: Array<T | unknown>): Promise<void> {
    this.requireSaved();
    checkSameDatabases(this.instance, objs);
    const [mine, other] = this.sides();
    const keys = [...new Set(objs.map(keyOf))];
    if (!keys.length) return;
    const existing = new Set(await this.throughQs().filter({ [`${other.attname}__in`]: keys }).valuesList(other.attname, { flat: true }).list());
    const rows = keys
      .filter((k) => !existing.has(k))
      .map((k) => new this.field.through._meta.model({ [mine.attname]: this.instance.pk, [other.attname]: k }) as Model);
    await new QuerySet(this.field.through._meta.model).using(this.database.alias).bulkCreate(rows);
  }

  async remove(...objs: Array<T | unknown>): Promise<void> {
    this.requireSaved();
    const [, other] = this.sides();
    const keys = objs.map(keyOf);
    if (keys.length) await this.throughQs().filter({ [`${other.attname}__in`]: keys }).delete();
  }

  async clear(): Promise<void> {
    this.requireSaved();
    await this.throughQs().delete();
  }

  /** Make the links exactly `objs`: remove the others, add the missing. */
  async set(objs: Array<T | unknown>): Promise<void> {
    this.requireSaved();
    checkSameDatabases(this.instance, objs);
    const [, other] = this.sides();
    const wanted = new Set(objs.map(keyOf));
    const current = await this.throughQs().valuesList(other.attname, { flat: true }).list();
    const stale = current.filter((k) => !wanted.has(k));
    await this.database.atomic(async () => {
      if (stale.length) await this.remove(...stale);
      await this.add(...[...wanted].filter((k) => !current.includes(k)));
    });
  }

  override create = async (values: Partial<CreateOf<T>> & Attrs): Promise<T> => {
    const obj = new this.model(values);
    await obj.save({ forceInsert: true, using: this.database.alias });
    await this.add(obj);
    return obj;
  };
}

function keyOf(obj: unknown): unknown {
  return obj && typeof obj === 'object' && 'pk' in obj ? (obj as Model).pk : obj;
}

/** Put `author.posts`, `post.tags`, `tag.posts` and `user.profile` on the models' prototypes. */
export function installRelationAccessors(meta: Options): void {
  for (const f of meta.fields as Field[]) {
    if (f.model?._meta !== meta) continue;
    let target: Options;
    try {
      target = (f as ForeignKeyType).relatedMeta;
    } catch {
      continue;
    }
    if (!(f instanceof ForeignKeyType || f instanceof ManyToManyFieldType)) continue;
    if (f instanceof ManyToManyFieldType) {
      define(meta.definedClass.prototype, f.name, function (this: Model) {
        return new ManyRelatedManager(this, f, false);
      });
    }
    const accessor = f.relatedAccessorName;
    const proto = target.definedClass.prototype;
    if (f instanceof ManyToManyFieldType) {
      define(proto, accessor, function (this: Model) {
        return new ManyRelatedManager(this, f, true);
      });
    } else if (f.oneToOne) {
      define(proto, accessor, function (this: Model) {
        if (this._state.fieldsCache.has(accessor)) return this._state.fieldsCache.get(accessor);
        throw new Error(`${target.objectName}.${accessor} is not loaded: use selectRelated('${accessor}') or ${f.model._meta.objectName}.objects.get({ ${f.name}: obj }).`);
      });
    } else {
      define(proto, accessor, function (this: Model) {
        return new RelatedManager(this, f);
      });
    }
  }
}

function define(proto: object, name: string, get: (this: Model) => unknown): void {
  const existing = Object.getOwnPropertyDescriptor(proto, name);
  if (existing && !(existing.get as { relation?: boolean } | undefined)?.relation) return;
  Object.assign(get, { relation: true });
  Object.defineProperty(proto, name, { get, configurable: true });
}

apps.hooks = { ...apps.hooks, installRelationAccessors };

/** Django's rule for add()/set(): each saved object must be allowed (by the routers) to relate to the instance. */
function checkSameDatabases(instance: Model, objs: unknown[]): void {
  for (const obj of objs) {
    if (!(obj instanceof Model) || obj._state.db === null || router.allowRelation(obj, instance)) continue;
    throw new TypeError(
      `Cannot add ${obj.meta.objectName} object (${String(obj.pk)}): instance is on database "${instance._state.db}", value is on database "${obj._state.db}".`,
    );
  }
}
