// What instances do with the database — save(), delete(), refreshFromDb(), fullClean(),
// related() — wired into Model here, so models/ does not import the query package.
import type { Database } from '../db/database.ts';
import { ValidationError } from '../models/errors.ts';
import { ForeignKeyType, type ForeignKeyOptions, type ManyToManyFieldType } from '../models/fields/related.ts';
import { instanceOps, Model, type SaveOptions } from '../models/model.ts';
import { apps } from '../models/registry.ts';
import type { ModelClass } from '../models/types.ts';
import { Collector } from './deletion.ts';
import { Manager } from './manager.ts';
import { Q } from './q.ts';
import { QuerySet } from './queryset.ts';
import { insertObjects, updateRows } from './writes.ts';

type Attrs = Record<string, unknown>;

const autoManagers = new WeakMap<object, Manager<any>>();

async function save(obj: Model, db: Database, options: SaveOptions): Promise<void> {
  const meta = obj.meta.concrete;
  if (meta.abstract) throw new TypeError(`${meta.objectName} is abstract and cannot be saved.`);
  const attrs = obj as unknown as Attrs;
  checkForeignKeys(obj);
  const adding = obj._state.adding;
  const hasPk = obj.pk !== null && obj.pk !== undefined;
  // A new object whose key has a default (a UUID) is certainly new: insert without trying an UPDATE.
  if (options.forceInsert || !hasPk || (adding && meta.pk.hasDefault())) {
    if (options.updateFields) throw new TypeError('Cannot use updateFields when inserting a new object: save() it first.');
    await insertObjects(meta, db, [obj]);
    return;
  }
  // An instance from only()/defer() saves just the fields it loaded (Django does the same): the
  // others are not known here, and writing them would wipe the row's values.
  const deferred = !options.updateFields && !adding && obj._state.db === db.alias ? obj.getDeferredFields() : new Set<string>();
  if (deferred.size) options = { ...options, updateFields: meta.concreteFields.filter((f) => !deferred.has(f.attname)).map((f) => f.attname) };
  const fields = meta.concreteFields.filter((f) => !f.primaryKey && (!options.updateFields || options.updateFields.includes(f.name) || options.updateFields.includes(f.attname)));
  if (options.updateFields) {
    const unknown = options.updateFields.filter((n) => !meta.concreteFields.some((f) => f.name === n || f.attname === n));
    if (unknown.length) throw new TypeError(`The following fields do not exist in this model, are m2m fields, or are non-concrete fields: ${unknown.join(', ')}`);
  }
  const values: Attrs = {};
  for (const f of fields) values[f.attname] = f.preSave(attrs, false);
  const query = new QuerySet(obj.meta.model).filter({ pk: obj.pk }).query;
  const updated = fields.length ? await updateRows(query, db, values) : await new QuerySet(obj.meta.model).using(db.alias).filter({ pk: obj.pk }).count();
  if (updated === 0) {
    if (options.forceUpdate || options.updateFields) throw new Error(`${meta.objectName} with ${meta.pk.name}=${String(obj.pk)} did not affect any rows.`);
    await insertObjects(meta, db, [obj]);
    return;
  }
  obj._state.adding = false;
  obj._state.db = db.alias;
}

/** A related object assigned before it was saved would store a null key: Django refuses too. */
function checkForeignKeys(obj: Model): void {
  for (const field of obj.meta.foreignKeys) {
    const cached = obj._state.fieldsCache.get(field.name) as Model | null | undefined;
    if (cached && (cached.pk === null || cached.pk === undefined)) {
      throw new TypeError(`save() prohibited to prevent data loss due to unsaved related object '${field.name}'.`);
    }
    if (cached) (obj as unknown as Attrs)[field.attname] = cached.pk;
  }
}

async function remove(obj: Model, db: Database): Promise<[number, Record<string, number>]> {
  const collector = new Collector(db);
  await collector.collect(obj.meta, [obj]);
  return collector.delete();
}

async function refresh(obj: Model, db: Database, fields?: string[]): Promise<void> {
  let qs = new QuerySet(obj.meta.model).using(db.alias).filter({ pk: obj.pk });
  if (fields) qs = qs.only(...fields);
  const fresh = (await qs.get()) as Model;
  const meta = obj.meta;
  for (const f of meta.concreteFields) {
    if (fields && !fields.includes(f.name) && !fields.includes(f.attname)) continue;
    (obj as unknown as Attrs)[f.attname] = (fresh as unknown as Attrs)[f.attname];
    if (f instanceof ForeignKeyType) obj._state.fieldsCache.delete(f.name);
  }
  obj._state.prefetched.clear();
  obj._state.db = db.alias;
  obj._state.adding = false;
}

async function loadRelated(obj: Model, field: ForeignKeyType, db: Database): Promise<Model | null> {
  const id = (obj as unknown as Attrs)[field.attname];
  const target = id === null || id === undefined ? null : ((await new QuerySet(field.relatedModel).using(db.alias).get({ pk: id })) as Model);
  obj._state.fieldsCache.set(field.name, target);
  return target;
}

/** Field checks (type, blank/null, maxLength, choices, validators), then unique and uniqueTogether. */
async function fullClean(obj: Model, exclude: string[], validateUnique: boolean): Promise<void> {
  const errors: Record<string, string[]> = {};
  const meta = obj.meta;
  const attrs = obj as unknown as Attrs;
  for (const field of meta.concreteFields) {
    if (exclude.includes(field.name) || (field.primaryKey && (attrs[field.attname] === null || attrs[field.attname] === undefined))) continue;
    if (!field.editable && field.kind !== 'BigAutoField') continue;
    let value: unknown;
    try {
      value = field.toPython(attrs[field.attname]);
      attrs[field.attname] = value;
    } catch (err) {
      errors[field.name] = [(err as Error).message];
      continue;
    }
    const messages = field.validate(value);
    if (messages.length) errors[field.name] = messages;
  }
  if (validateUnique) await checkUnique(obj, exclude, errors);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function checkUnique(obj: Model, exclude: string[], errors: Record<string, string[]>): Promise<void> {
  const meta = obj.meta;
  const attrs = obj as unknown as Attrs;
  const groups: string[][] = [
    ...meta.concreteFields.filter((f) => f.unique && !f.primaryKey).map((f) => [f.name]),
    ...(meta.meta.uniqueTogether ?? []),
  ];
  for (const names of groups) {
    if (names.some((n) => exclude.includes(n) || errors[n])) continue;
    const fields = names.map((n) => meta.getField(n));
    if (fields.some((f) => attrs[f.attname] === null || attrs[f.attname] === undefined)) continue;
    let qs = new QuerySet(meta.model).filter(Object.fromEntries(fields.map((f) => [f.attname, attrs[f.attname]])));
    if (obj.pk !== null && obj.pk !== undefined) qs = qs.exclude(new Q({ pk: obj.pk }));
    if (await qs.exists()) {
      const key = names.length === 1 ? names[0]! : '__all__';
      const label = names.length === 1 ? fields[0]!.verboseName : names.join(' and ');
      const what = `${meta.verboseName.charAt(0).toUpperCase()}${meta.verboseName.slice(1)} with this ${label} already exists.`;
      (errors[key] ??= []).push(what);
    }
  }
}

function autoManager(model: ModelClass): Manager<any> {
  const meta = model._meta;
  let manager = autoManagers.get(meta);
  if (!manager) {
    manager = new Manager();
    Object.defineProperty(manager, 'model', { get: () => meta.model });
    autoManagers.set(meta, manager);
  }
  return manager;
}

/** The join table of a ManyToManyField without `through`: `<app>_<model>_<field>`, a FK to each side. */
function makeThroughModel(field: ManyToManyFieldType): ModelClass {
  const from = field.model._meta;
  const to = field.relatedMeta;
  const name = `${from.objectName}_${field.name}`;
  const fromName = from.modelName;
  const toName = to === from ? `to_${to.modelName}` : to.modelName;
  const through = Model.define(
    from.appLabel,
    name,
    {
      [fromName]: new ForeignKeyType(() => from.model, { onDelete: 'CASCADE', relatedName: `${name}+` } as ForeignKeyOptions),
      [toName]: new ForeignKeyType(() => to.model, { onDelete: 'CASCADE', relatedName: `${name}+` } as ForeignKeyOptions),
    },
    { dbTable: field.options.dbTable ?? `${from.dbTable}_${field.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}`, uniqueTogether: [[fromName, toName]] },
  );
  return through as unknown as ModelClass;
}

Object.assign(instanceOps, { save, delete: remove, refresh, fullClean, loadRelated, autoManager });
apps.hooks = { ...apps.hooks, makeThroughModel };
