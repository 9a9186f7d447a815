// The Model base class. `Model.define(app, name, fields, meta)` makes a class whose instances
// carry one attribute per field (typed from the field definitions); subclass it to add
// methods, getters and managers. Instances save, delete and reload themselves.
import { connections } from '../db/connections.ts';
import { router, type RoutedModel } from '../db/router.ts';
import type { Database } from '../db/database.ts';
import type { Manager } from '../query/manager.ts';
import { FieldError, MultipleObjectsReturned, ObjectDoesNotExist } from './errors.ts';
import type { Field } from './fields/field.ts';
import { ForeignKeyType, OneToOneFieldType, type ForeignKeyOptions } from './fields/related.ts';
import { AutoFieldType } from './fields/scalar.ts';
import { Options, type MetaOptions } from './options.ts';
import { apps } from './registry.ts';
import { ModelState } from './state.ts';
import type { DefinedModel, ModelClass } from './types.ts';

/** Passed to the constructor when rows are read: attributes are filled by the loader instead. */
export const FROM_DB = Symbol('fromDb');

export interface SaveOptions {
  /** Only these fields are written (an UPDATE of just those columns). */
  updateFields?: string[];
  using?: string;
  forceInsert?: boolean;
  forceUpdate?: boolean;
}

/** The operations the query package provides to instances (set there: no import cycle). */
export interface InstanceOperations {
  save(instance: Model, db: Database, options: SaveOptions): Promise<void>;
  delete(instance: Model, db: Database): Promise<[number, Record<string, number>]>;
  refresh(instance: Model, db: Database, fields?: string[]): Promise<void>;
  fullClean(instance: Model, exclude: string[], validateUnique: boolean): Promise<void>;
  loadRelated(instance: Model, field: ForeignKeyType, db: Database): Promise<Model | null>;
  autoManager(model: ModelClass): Manager<any>;
}

export const instanceOps = {} as InstanceOperations;

export class Model {
  declare readonly _state: ModelState;
  static readonly _meta: Options;

  constructor(values: Record<string, unknown> | typeof FROM_DB = {}) {
    Object.defineProperty(this, '_state', { value: new ModelState(), enumerable: false });
    const meta = this.meta;
    apps.claim(new.target as unknown as ModelClass);
    apps.ready();
    if (meta.abstract) throw new TypeError(`${meta.objectName} is abstract: it cannot be instantiated.`);
    if (values === FROM_DB) return;
    const given = { ...values };
    for (const field of meta.concreteFields) {
      if (field instanceof ForeignKeyType && field.name in given) {
        (this as Record<string, unknown>)[field.name] = given[field.name];
      } else {
        const value = field.attname in given ? given[field.attname] : field.getDefault();
        (this as Record<string, unknown>)[field.attname] = value === undefined ? null : value;
      }
      delete given[field.attname];
      delete given[field.name];
    }
    if ('pk' in given) {
      this.pk = given.pk;
      delete given.pk;
    }
    for (const [key, value] of Object.entries(given)) {
      if (!hasSetter(this, key)) {
        const names = meta.concreteFields.map((f) => f.name).join(', ');
        throw new TypeError(`${meta.objectName}() got an unexpected keyword '${key}'. Its fields are: ${names}.`);
      }
      (this as Record<string, unknown>)[key] = value;
    }
  }

  get meta(): Options {
    return (this.constructor as ModelClass)._meta;
  }

  /** Django's get_deferred_fields(): the attnames that only()/defer() left unloaded on this instance. */
  getDeferredFields(): Set<string> {
    return new Set(this.meta.concreteFields.filter((f) => !Object.prototype.hasOwnProperty.call(this, f.attname)).map((f) => f.attname));
  }

  /** The primary key, whatever its field is called. */
  get pk(): unknown {
    return (this as Record<string, unknown>)[this.meta.pk.attname];
  }
  set pk(value: unknown) {
    (this as Record<string, unknown>)[this.meta.pk.attname] = value;
  }

  /** INSERT when new, else UPDATE (Django's save()). */
  async save(options: SaveOptions = {}): Promise<this> {
    await instanceOps.save(this, this.db(options.using, 'write'), options);
    return this;
  }

  /** Delete this row and, by each relation's onDelete, the rows that depend on it. */
  async delete(options: { using?: string } = {}): Promise<[number, Record<string, number>]> {
    if (this.pk === null || this.pk === undefined) {
      throw new TypeError(`${this.meta.objectName} object can't be deleted because its ${this.meta.pk.name} attribute is null.`);
    }
    return instanceOps.delete(this, this.db(options.using, 'write'));
  }

  /** Reload the fields from the database (only `fields` when given). */
  async refreshFromDb(options: { fields?: string[]; using?: string } = {}): Promise<this> {
    await instanceOps.refresh(this, this.db(options.using), options.fields);
    return this;
  }

  /** Django's full_clean(): field checks, then uniqueness; raises ValidationError listing each field's messages. */
  async fullClean(options: { exclude?: string[]; validateUnique?: boolean } = {}): Promise<void> {
    await instanceOps.fullClean(this, options.exclude ?? [], options.validateUnique !== false);
  }

  /** The related object of a foreign key: from the cache (selectRelated) or one query. */
  async related<K extends string>(name: K): Promise<K extends keyof this ? this[K] : Model | null> {
    const field = this.meta.getField(name);
    if (!(field instanceof ForeignKeyType)) throw new FieldError(`${this.meta.objectName}.${name} is not a ForeignKey.`);
    if (this._state.fieldsCache.has(name)) return this._state.fieldsCache.get(name) as never;
    return (await instanceOps.loadRelated(this, field, this.db())) as never;
  }

  /** Same model (or proxy of the same table) and same primary key; unsaved objects are only equal to themselves. */
  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Model) || other.meta.concrete !== this.meta.concrete) return false;
    return this.pk !== null && this.pk !== undefined && this.pk === other.pk;
  }

  /** Django's __str__ default: 'Author object (1)'. Override toString() for your own. */
  toString(): string {
    return `${this.meta.objectName} object (${this.pk ?? 'None'})`;
  }

  /** Field values by attribute name (JSON.stringify uses it). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.meta.concreteFields.map((f) => [f.attname, (this as Record<string, unknown>)[f.attname]]));
  }

  /** `using`, else the router's choice for this instance (by default the database it came from, else 'default'). */
  private db(using?: string, purpose: 'read' | 'write' = 'read'): Database {
    const model = this.constructor as unknown as RoutedModel;
    return connections.get(using ?? (purpose === 'write' ? router.dbForWrite(model, { instance: this }) : router.dbForRead(model, { instance: this })));
  }

  // ——— class side ———

  /**
   * `Author.objects`, made automatically — unless the class declares managers of its own, in
   * which case (as in Django) there is no automatic `objects`.
   */
  static get objects(): Manager<any> {
    const model = this as unknown as ModelClass;
    apps.claim(model);
    const declared = model._meta.managers;
    if (declared.length) {
      throw new TypeError(
        `${model._meta.objectName} declares its own managers (${declared.map((m) => m.name).join(', ')}), so it has no automatic 'objects'.`,
      );
    }
    return instanceOps.autoManager(model);
  }

  static DoesNotExist: new (message: string) => ObjectDoesNotExist = ObjectDoesNotExist;
  static MultipleObjectsReturned: new (message: string) => MultipleObjectsReturned = MultipleObjectsReturned;

  /**
   * Define a model. Called on Model it makes a new model; called on a model class it makes
   * a child: of an abstract model (its fields are copied) or a proxy (`{ proxy: true }`).
   */
  static define<This extends abstract new (...args: any) => Model, const Fs extends Record<string, Field<any>>>(
    this: This,
    appLabel: string,
    objectName: string,
    fields: Fs,
    meta: MetaOptions = {},
  ): DefinedModel<This, Fs> {
    const parent = this as unknown as typeof Model & ModelClass;
    const parentMeta = (parent as unknown) === Model ? undefined : parent._meta;
    const options = new Options(appLabel, objectName, meta);
    const defined = { [objectName]: class extends (parent as unknown as typeof Model) {} }[objectName]!;
    Object.defineProperty(defined, '_meta', { value: options, enumerable: false });
    options.model = options.definedClass = defined as unknown as ModelClass;

    for (const manager of parentMeta?.managers ?? []) inheritManager(defined as unknown as ModelClass, manager);
    let all: Record<string, Field> = { ...(fields as Record<string, Field>) };
    if (parentMeta?.abstract) {
      all = { ...Object.fromEntries(parentMeta.fields.filter((f) => !f.primaryKey || f.kind !== 'BigAutoField').map((f) => [f.name, cloneField(f)])), ...all };
    } else if (meta.proxy) {
      if (!parentMeta) throw new TypeError(`Proxy model ${objectName} must be defined from the model it proxies: Parent.define(...).`);
      if (Object.keys(fields).length) throw new FieldError(`Proxy model ${objectName} cannot add fields.`);
      options.proxyFor = parentMeta.concrete;
      options.fields.push(...parentMeta.fields);
      options.pk = parentMeta.pk;
    } else if (parentMeta) {
      // Multi-table inheritance: the parent's fields stay in its table; this table gets a
      // `<parent>_ptr_id` primary key that is also a one-to-one link to the parent's row.
      const concreteParent = parentMeta.concrete;
      const link = new OneToOneFieldType(() => concreteParent.model, { onDelete: 'CASCADE', primaryKey: true } as ForeignKeyOptions);
      options.fields.push(...concreteParent.fields.filter((f) => f.concrete));
      all = { [`${lowerFirst(concreteParent.objectName)}Ptr`]: link, ...all };
      options.parentLink = link;
    }
    if (!options.proxyFor) {
      if (!options.parentLink && !Object.values(all).some((f) => f.primaryKey)) all = { id: new AutoFieldType(), ...all };
      for (const [name, field] of Object.entries(all)) {
        field.contribute(defined as unknown as ModelClass, name);
        options.fields.push(field);
        if (field instanceof ForeignKeyType) installForwardAccessor(defined.prototype, field);
      }
      options.pk = options.parentLink ?? options.fields.find((f) => f.primaryKey)!;
    }
    const parentDoesNotExist = parentMeta && !parentMeta.abstract ? parent.DoesNotExist : ObjectDoesNotExist;
    const parentMultiple = parentMeta && !parentMeta.abstract ? parent.MultipleObjectsReturned : MultipleObjectsReturned;
    defined.DoesNotExist = named('DoesNotExist', class extends parentDoesNotExist {});
    defined.MultipleObjectsReturned = named('MultipleObjectsReturned', class extends parentMultiple {});
    if (!options.abstract) apps.register(options);
    return defined as unknown as DefinedModel<This, Fs>;
  }
}

/** `post.author`: the cached object; reading it before it is loaded says how to load it. */
function installForwardAccessor(proto: object, field: ForeignKeyType): void {
  Object.defineProperty(proto, field.name, {
    configurable: true,
    get(this: Model) {
      const cache = this._state.fieldsCache;
      const id = (this as unknown as Record<string, unknown>)[field.attname];
      if (cache.has(field.name)) {
        const cached = cache.get(field.name) as Model | null;
        if (cached === null ? id === null : cached.pk === id) return cached;
      }
      if (id === null || id === undefined) return null;
      throw new Error(
        `${this.meta.objectName}.${field.name} is not loaded. Use selectRelated('${field.name}') on the queryset, ` +
          `or \`await obj.related('${field.name}')\` (that runs one query).`,
      );
    },
    set(this: Model, value: Model | null) {
      if (value !== null && !(value instanceof Model)) {
        throw new TypeError(`${this.meta.objectName}.${field.name} must be a ${field.relatedMeta.objectName} instance or null; use ${field.attname} for a key.`);
      }
      if (value !== null) checkSameDatabase(this, value);
      (this as unknown as Record<string, unknown>)[field.attname] = value === null ? null : value.pk;
      this._state.fieldsCache.set(field.name, value);
    },
  });
}

/**
 * Django's rule on assigning a related object: an unsaved side takes the other's database, then
 * the routers must allow the relation (by default: both from the same database).
 */
export function checkSameDatabase(instance: Model, value: Model): void {
  if (instance._state.db === null) instance._state.db = router.dbForWrite(instance.constructor as unknown as RoutedModel, { instance: value });
  if (value._state.db === null) value._state.db = router.dbForWrite(value.constructor as unknown as RoutedModel, { instance });
  if (!router.allowRelation(value, instance)) {
    throw new TypeError(
      `Cannot assign ${value.meta.objectName} object (${String(value.pk)}) from database '${value._state.db}' to a ${instance.meta.objectName} ` +
        `of database '${instance._state.db}': the current database router prevents this relation. Save both in one database, or allow it in a router's allowRelation().`,
    );
  }
}

/** Managers are inherited (Django's rule): a copy bound to the child, under the same name. */
function inheritManager(child: ModelClass, manager: Manager<any>): void {
  const name = manager.name;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(manager) as object) as Manager<any>, manager);
  copy.contribute(child, name);
  // A getter, so that reading it through the user's subclass claims that subclass as the model.
  Object.defineProperty(child, name, {
    get(this: ModelClass) {
      apps.claim(this);
      return copy;
    },
    configurable: true,
  });
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function cloneField(field: Field): Field {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(field) as object) as Field, field);
  return copy;
}

function named<T extends abstract new (...args: any) => unknown>(name: string, cls: T): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

function hasSetter(obj: object, key: string): boolean {
  for (let proto = Object.getPrototypeOf(obj); proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (desc) return typeof desc.set === 'function';
  }
  return false;
}

