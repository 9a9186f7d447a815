// Rows → model instances (and values() rows). Each field converts its own column (fromDb: 0/1 → boolean, ISO
// text → Date...); selectRelated's columns become the related objects, cached on the instance.
import type { Database } from '../db/database.ts';
import { FROM_DB, type Model } from '../models/model.ts';
import type { Options } from '../models/options.ts';
import type { CompiledSelect, KlassInfo } from './compiler.ts';

export function hydrate(info: KlassInfo, row: Record<string, unknown>, db: Database): Model | null {
  const pk = info.columns.find((c) => c.field === info.meta.pk);
  if (pk && row[pk.key] === null) return null; // a LEFT OUTER JOIN found no row
  const obj = newFromDb(info.meta, db);
  const attrs = obj as unknown as Record<string, unknown>;
  for (const { key, field } of info.columns) attrs[field.attname] = row[key] === null ? null : field.fromDb(row[key], db);
  for (const child of info.children) obj._state.fieldsCache.set(child.cacheName, hydrate(child.info, row, db));
  // annotate(): plain attributes, converted by each expression's output field.
  for (const { key, field } of info.annotations ?? []) attrs[key] = row[key] === null || !field ? (row[key] ?? null) : field.fromDb(row[key], db);
  return obj;
}

/** An instance marked as loaded from `db`, with no attributes yet. */
export function newFromDb(meta: Options, db: Database): Model {
  const obj = new meta.model(FROM_DB) as Model;
  obj._state.adding = false;
  obj._state.db = db.alias;
  return obj;
}

export type RowMode = 'models' | 'values' | 'valuesList' | 'flat' | 'named';

/** Rows → instances, or values()' dicts, tuples or flat values, each converted by its field. */
export function toRows(rows: Record<string, unknown>[], compiled: CompiledSelect, db: Database, mode: RowMode): unknown[] {
  if (compiled.klassInfo) return rows.map((row) => hydrate(compiled.klassInfo!, row, db));
  const keys = compiled.valueKeys!;
  const fields = compiled.valueFields!;
  const converted = rows.map((row) => keys.map((k, i) => (row[k] === null || row[k] === undefined ? null : fields[i] ? fields[i]!.fromDb(row[k], db) : row[k])));
  switch (mode) {
    case 'flat':
      return converted.map((values) => values[0]);
    case 'valuesList':
      return converted;
    default:
      return converted.map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
  }
}
