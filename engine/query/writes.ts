// INSERT, UPDATE and the get-or-create family. Batches are sized to the dialect's limit on
// bound parameters; generated keys come back with RETURNING where the database has it.
import type { Database } from '../db/database.ts';
import type { SqlValue } from '../db/driver.ts';
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { ForeignKeyType } from '../models/fields/related.ts';
import type { Model } from '../models/model.ts';
import type { Options } from '../models/options.ts';
import type { ModelClass } from '../models/types.ts';
import { Compiler } from './compiler.ts';
import { Collector } from './deletion.ts';
import { Expression, Value } from './expressions.ts';
import { Query } from './query.ts';
import type { QuerySet } from './queryset.ts';

type Attrs = Record<string, unknown>;

export interface InsertOptions {
  ignoreConflicts?: boolean;
  updateConflicts?: boolean;
  uniqueFields?: string[];
  updateFields?: string[];
  batchSize?: number;
}

/** INSERT the objects (one statement per batch) and set their primary keys where possible. */
export async function insertObjects(meta: Options, db: Database, objs: Model[], options: InsertOptions = {}): Promise<void> {
  if (!objs.length) return;
  const concrete = meta.concrete;
  for (const obj of objs) for (const f of concrete.concreteFields) f.preSave(obj as unknown as Attrs, true);
  // Multi-table inheritance: the parents' rows first, top down (in one transaction); each
  // child row links to its parent's key.
  const levels = [...concrete.parents].reverse().concat(concrete);
  const insertAll = async () => {
    for (const level of levels) {
      const link = level.parentLink;
      if (link) for (const obj of objs) (obj as unknown as Attrs)[link.attname] = (obj as unknown as Attrs)[link.relatedMeta.pk.attname];
      await insertLocal(level, db, objs, options);
    }
  };
  await (levels.length > 1 ? db.atomic(insertAll) : insertAll());
  for (const obj of objs) {
    obj._state.adding = false;
    obj._state.db = db.alias;
  }
}

const keyOf = (obj: Model, meta: Options) => (obj as unknown as Attrs)[meta.pk.attname];

/** INSERT into one table: the fields stored there. */
async function insertLocal(meta: Options, db: Database, objs: Model[], options: InsertOptions): Promise<void> {
  // Rows with a key and rows without take different column lists (Django splits them too).
  const withPk = objs.filter((o) => keyOf(o, meta) !== null && keyOf(o, meta) !== undefined);
  const withoutPk = objs.filter((o) => keyOf(o, meta) === null || keyOf(o, meta) === undefined);
  for (const [group, includePk] of [[withPk, true], [withoutPk, false]] as const) {
    if (!group.length) continue;
    const fields = meta.localConcreteFields.filter((f) => includePk || f !== meta.pk);
    const perBatch = Math.max(1, Math.floor(db.features.maxQueryParams / Math.max(fields.length, 1)));
    const size = Math.min(options.batchSize ?? perBatch, perBatch);
    for (let i = 0; i < group.length; i += size) await insertBatch(meta, db, fields, group.slice(i, i + size), options);
  }
}

async function insertBatch(meta: Options, db: Database, fields: Field[], objs: Model[], options: InsertOptions): Promise<void> {
  const ops = db.dialect.operations;
  const q = (n: string) => db.quoteName(n);
  const table = q(meta.dbTable);
  const params: SqlValue[] = [];
  let sql: string;
  if (fields.length === 0) {
    if (objs.length > 1) {
      for (const obj of objs) await insertBatch(meta, db, fields, [obj], options);
      return;
    }
    sql = ops.insertDefaultValues(table);
  } else {
    const rows = objs.map((obj) => {
      const attrs = obj as unknown as Attrs;
      const values = fields.map((f) => f.toDb(f.toPython(attrs[f.attname]), db));
      params.push(...values);
      return `(${values.map(() => '?').join(', ')})`;
    });
    sql = `INSERT INTO ${table} (${fields.map((f) => q(f.column)).join(', ')}) VALUES ${rows.join(', ')}`;
  }
  if (options.ignoreConflicts) sql = ops.onConflictIgnore(sql);
  if (options.updateConflicts) {
    const unique = (options.uniqueFields ?? []).map((n) => q(meta.getField(n).column));
    const update = (options.updateFields ?? []).map((n) => q(meta.getField(n).column));
    if (!update.length) throw new TypeError('updateConflicts needs updateFields: the fields to overwrite on a conflict.');
    sql = ops.onConflictUpdate(sql, unique, update);
  }
  const conflicts = options.ignoreConflicts || options.updateConflicts;
  const returning = db.features.canReturnColumnsFromInsert && !conflicts;
  if (returning) sql += ` RETURNING ${q(meta.pk.column)}`;
  const result = await db.execute(sql, params);
  const pk = meta.pk;
  const setKey = (obj: Model, value: unknown) => {
    const attrs = obj as unknown as Attrs;
    if (attrs[pk.attname] === null || attrs[pk.attname] === undefined) attrs[pk.attname] = pk.fromDb(value, db);
  };
  if (returning) result.rows.forEach((row, i) => setKey(objs[i]!, Object.values(row)[0]));
  else if (objs.length === 1 && result.insertId !== undefined) setKey(objs[0]!, result.insertId);
}

/** UPDATE ... SET for a queryset; values may be F() expressions. */
export async function updateRows(query: Query, db: Database, values: Attrs): Promise<number> {
  // Multi-table inheritance: a parent's fields are updated in the parent's table, for the
  // parent rows of the matching children.
  const meta = query.meta.concrete;
  const local: Attrs = {};
  const byParent = new Map<Options, Attrs>();
  for (const [name, value] of Object.entries(values)) {
    const owner = meta.getField(name).model._meta.concrete;
    if (owner === meta) local[name] = value;
    else byParent.set(owner, { ...byParent.get(owner), [name]: value });
  }
  if (!byParent.size) return updateTable(query, db, local);
  return db.atomic(async () => {
    let count = 0;
    for (const [owner, ownerValues] of byParent) {
      const inner = query.clone();
      inner.valuesSelect = [owner.pk.name];
      inner.ordering = [];
      inner.defaultOrdering = false;
      const parentQuery = new Query(owner.model);
      parentQuery.addFilter([{ pk__in: { query: inner } }], false);
      count = await updateTable(parentQuery, db, ownerValues);
    }
    return Object.keys(local).length ? updateTable(query, db, local) : count;
  });
}

async function updateTable(query: Query, db: Database, values: Attrs): Promise<number> {
  const q = query.clone();
  const compiler = new Compiler(q, db);
  const sets: string[] = [];
  const params: SqlValue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = q.meta.getField(name);
    if (!field.concrete) throw new FieldError(`Cannot update model field '${name}' (only non-relations and foreign keys permitted).`);
    const raw = field instanceof ForeignKeyType && name === field.name && value && typeof value === 'object' && !(value instanceof Expression) ? (value as Model).pk : value;
    const expr = raw instanceof Expression ? raw.resolve(q, { allowJoins: false }) : new Value(raw, field);
    const [sql, p] = expr.compile(compiler);
    sets.push(`${db.quoteName(field.column)} = ${sql}`);
    params.push(...p);
  }
  if (!sets.length) return 0;
  let where: string;
  let whereParams: SqlValue[];
  try {
    [where, whereParams] = compiler.rowFilter();
  } catch (err) {
    if (err instanceof EmptyResultSet) return 0;
    throw err;
  }
  if (q.empty) return 0;
  const sql = `UPDATE ${db.quoteName(q.meta.dbTable)} SET ${sets.join(', ')}${where ? ` WHERE ${where}` : ''}`;
  return (await db.execute(sql, [...params, ...whereParams])).rowCount;
}

/** DELETE for a queryset: straight DELETE when nothing points at the model, else collect first. */
export async function deleteQuery(qs: QuerySet<Model, Model>): Promise<[number, Record<string, number>]> {
  const db = qs.db;
  const meta = qs.model._meta;
  if (meta.reverseRelations.length === 0 && !meta.concrete.parentLink && !qs.query.empty) {
    const compiler = new Compiler(qs.query.clone(), db);
    let where: string;
    let params: SqlValue[];
    try {
      [where, params] = compiler.rowFilter();
    } catch (err) {
      if (err instanceof EmptyResultSet) return [0, {}];
      throw err;
    }
    const result = await db.execute(`DELETE FROM ${db.quoteName(meta.dbTable)}${where ? ` WHERE ${where}` : ''}`, params);
    return [result.rowCount, result.rowCount ? { [meta.label]: result.rowCount } : {}];
  }
  const objs = await qs.orderBy().list();
  const collector = new Collector(db);
  await collector.collect(meta, objs);
  return collector.delete();
}

export async function bulkCreate<I extends Model>(model: ModelClass<I>, db: Database, objs: I[], options: InsertOptions): Promise<I[]> {
  if (model._meta.concrete.parentLink) throw new TypeError("Can't bulk create a multi-table inherited model.");
  await db.atomic(() => insertObjects(model._meta, db, objs, options));
  return objs;
}

/** One UPDATE per batch with CASE WHEN pk = ? THEN ? ... for each field (Django's bulk_update). */
export async function bulkUpdate<I extends Model>(model: ModelClass<I>, db: Database, objs: I[], names: string[], batchSize?: number): Promise<number> {
  if (!names.length) throw new TypeError('bulkUpdate() needs the names of the fields to update.');
  const meta = model._meta;
  const fields = names.map((n) => meta.getField(n));
  if (fields.some((f) => f.primaryKey || !f.concrete)) throw new TypeError('bulkUpdate() can only update concrete, non-primary-key fields.');
  if (objs.some((o) => o.pk === null || o.pk === undefined)) throw new TypeError('All bulkUpdate() objects must have a primary key set.');
  // Django would load a deferred field with a query per object; here it is not known, and
  // writing it would store NULL over the row's value.
  for (const obj of objs) {
    const deferred = obj.getDeferredFields();
    const missing = fields.filter((f) => deferred.has(f.attname)).map((f) => f.name);
    if (missing.length === 0) continue;
    throw new TypeError(
      `bulkUpdate() would write ${missing.join(', ')} of ${meta.objectName} pk=${String(obj.pk)}, which only()/defer() did not load. ` +
        `Load it (leave it out of only(), or await obj.refreshFromDb({ fields: [...] })), or leave it out of the names.`,
    );
  }
  const q = (n: string) => db.quoteName(n);
  const perObject = fields.length * 2 + 1;
  const max = Math.max(1, Math.floor(db.features.maxQueryParams / perObject));
  const size = Math.min(batchSize ?? max, max);
  let total = 0;
  await db.atomic(async () => {
    for (let i = 0; i < objs.length; i += size) {
      const batch = objs.slice(i, i + size);
      const params: SqlValue[] = [];
      const sets = fields.map((f) => {
        const whens = batch.map((o) => {
          params.push(meta.pk.toDb(o.pk, db), f.toDb(f.toPython((o as unknown as Attrs)[f.attname]), db));
          return `WHEN ${q(meta.pk.column)} = ? THEN ?`;
        });
        return `${q(f.column)} = CASE ${whens.join(' ')} ELSE ${q(f.column)} END`;
      });
      params.push(...batch.map((o) => meta.pk.toDb(o.pk, db)));
      const sql = `UPDATE ${q(meta.dbTable)} SET ${sets.join(', ')} WHERE ${q(meta.pk.column)} IN (${batch.map(() => '?').join(', ')})`;
      total += (await db.execute(sql, params)).rowCount;
    }
  });
  return total;
}

/** Lookup keys without lookups ('name', not 'name__icontains') become attributes of a created object. */
function createParams(lookup: Attrs, defaults: Attrs): Attrs {
  const params = Object.fromEntries(Object.entries(lookup).filter(([k]) => !k.includes('__')));
  return { ...params, ...defaults };
}

export async function getOrCreate<I extends Model>(qs: QuerySet<I, I>, lookup: Attrs, defaults: Attrs): Promise<[I, boolean]> {
  try {
    return [await qs.get(lookup as never), false];
  } catch (err) {
    if (!(err instanceof qs.model.DoesNotExist)) throw err;
  }
  const db = qs.db;
  try {
    // In its own savepoint: if a concurrent insert wins the unique constraint, read that row.
    return [await db.atomic(() => qs.create(createParams(lookup, defaults) as never)), true];
  } catch (err) {
    try {
      return [await qs.get(lookup as never), false];
    } catch {
      throw err;
    }
  }
}

export async function updateOrCreate<I extends Model>(
  qs: QuerySet<I, I>,
  lookup: Attrs,
  options: { defaults?: Attrs; createDefaults?: Attrs },
): Promise<[I, boolean]> {
  const defaults = options.defaults ?? {};
  return qs.db.atomic(async () => {
    const [obj, created] = await getOrCreate(qs, lookup, options.createDefaults ?? defaults);
    if (created) return [obj, true];
    Object.assign(obj, defaults);
    await obj.save({ updateFields: Object.keys(defaults).length ? Object.keys(defaults) : undefined });
    return [obj, false];
  });
}
