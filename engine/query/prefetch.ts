// prefetchRelated: after the main query, one query per relation level loads the related rows
// for all the instances at once (`WHERE author_id IN (...)`), and puts each instance's share in
// its cache — so a loop over 100 authors and their posts runs 2 queries, not 101.
import { connections } from '../db/connections.ts';
import type { Database } from '../db/database.ts';
import { FieldError } from '../models/errors.ts';
import { ForeignKeyType, ManyToManyFieldType } from '../models/fields/related.ts';
import type { Model } from '../models/model.ts';
import type { Options } from '../models/options.ts';
import { Compiler } from './compiler.ts';
import { hydrate } from './hydrate.ts';
import type { QuerySet } from './queryset.ts';

/** Django's Prefetch: a lookup with its own queryset (filter, order) and/or a list attribute. */
export class Prefetch {
  readonly queryset: QuerySet<any> | undefined;
  readonly toAttr: string | undefined;
  constructor(
    readonly lookup: string,
    options: { queryset?: QuerySet<any>; toAttr?: string } = {},
  ) {
    this.queryset = options.queryset;
    this.toAttr = options.toAttr;
  }
}

type Attrs = Record<string, unknown>;

export async function prefetchRelatedObjects(instances: Model[], lookups: Array<string | Prefetch>): Promise<void> {
  const done = new Set<string>();
  for (const item of lookups) {
    const prefetch = typeof item === 'string' ? new Prefetch(item) : item;
    const parts = prefetch.lookup.split('__');
    let level: Model[] = instances;
    for (let i = 0; i < parts.length && level.length; i++) {
      const path = parts.slice(0, i + 1).join('__');
      const last = i === parts.length - 1;
      const qs = last ? prefetch.queryset : undefined;
      const attr = last ? prefetch.toAttr : undefined;
      if (!done.has(path) || attr || qs) await prefetchOne(level, parts[i]!, qs, attr);
      done.add(path);
      level = level.flatMap((obj) => related(obj, parts[i]!, attr));
    }
  }
}

/** What a prefetched relation holds for one instance, as a list. */
function related(obj: Model, name: string, attr?: string): Model[] {
  if (attr) return ((obj as unknown as Attrs)[attr] as Model[]) ?? [];
  if (obj._state.prefetched.has(name)) return obj._state.prefetched.get(name) as Model[];
  const cached = obj._state.fieldsCache.get(name);
  return cached ? [cached as Model] : [];
}

async function prefetchOne(instances: Model[], name: string, qs: QuerySet<any> | undefined, attr: string | undefined): Promise<void> {
  const meta = instances[0]!.meta;
  const db = connections.get(instances[0]!._state.db ?? 'default');
  const forward = meta.findField(name);
  const store = (obj: Model, rows: Model[]) => {
    if (attr) (obj as unknown as Attrs)[attr] = rows;
    else obj._state.prefetched.set(name, rows);
  };

  if (forward instanceof ForeignKeyType) {
    const ids = [...new Set(instances.map((o) => (o as unknown as Attrs)[forward.attname]).filter((v) => v !== null))];
    const rows = ids.length ? await fetch(db, forward.relatedMeta, qs, { pk__in: ids }) : [];
    const byPk = new Map(rows.map(({ obj }) => [obj.pk, obj]));
    for (const obj of instances) {
      const target = byPk.get((obj as unknown as Attrs)[forward.attname]) ?? null;
      if (attr) (obj as unknown as Attrs)[attr] = target;
      else obj._state.fieldsCache.set(name, target);
    }
    return;
  }

  const pks = instances.map((o) => o.pk);
  let groups: Map<unknown, Model[]>;
  if (forward instanceof ManyToManyFieldType) {
    // Filter the targets through the join table, selecting the source key beside each row.
    const back = forward.relatedQueryName;
    const rows = await fetch(db, forward.relatedMeta, qs, { [`${back}__in`]: pks }, `${back}__${meta.pk.name}`);
    groups = group(rows);
  } else {
    const reverse = meta.reverseRelations.find((r) => r.field.relatedAccessorName === name);
    if (!reverse) {
      const names = [...meta.fields.map((f) => f.name), ...meta.reverseRelations.map((r) => r.field.relatedAccessorName)];
      throw new FieldError(`Cannot find '${name}' on ${meta.objectName} object, '${name}' is an invalid parameter to prefetchRelated(). Choices are: ${names.sort().join(', ')}`);
    }
    const field = reverse.field;
    const other = field.model._meta;
    if (field instanceof ManyToManyFieldType) {
      groups = group(await fetch(db, other, qs, { [`${field.name}__in`]: pks }, `${field.name}__${meta.pk.name}`));
    } else {
      const rows = await fetch(db, other, qs, { [`${field.name}__in`]: pks });
      groups = group(rows.map(({ obj }) => ({ obj, key: (obj as unknown as Attrs)[field.attname] })));
      if (!reverse.multiple) {
        for (const obj of instances) obj._state.fieldsCache.set(name, groups.get(obj.pk)?.[0] ?? null);
        return;
      }
    }
  }
  for (const obj of instances) store(obj, groups.get(obj.pk) ?? []);
}

function group(rows: Array<{ obj: Model; key: unknown }>): Map<unknown, Model[]> {
  const groups = new Map<unknown, Model[]>();
  for (const { obj, key } of rows) {
    const list = groups.get(key);
    if (list) list.push(obj);
    else groups.set(key, [obj]);
  }
  return groups;
}

/** One query: the related rows (through `qs` when given), each with the value of `keyPath` if asked. */
async function fetch(db: Database, meta: Options, qs: QuerySet<any> | undefined, filter: Attrs, keyPath?: string): Promise<Array<{ obj: Model; key: unknown }>> {
  const base = qs ?? (meta.managers.length ? meta.defaultManager.getQueryset() : meta.model.objects.all());
  const query = base.filter(filter).query.clone();
  if (keyPath) query.extraSelect = [{ key: '_prefetch_key', path: keyPath }];
  const compiled = new Compiler(query, db).select();
  const keyField = keyPath ? query.resolveRef(keyPath, { allowJoins: true }).field : undefined;
  const rows = await db.query(compiled.sql, compiled.params);
  return rows.map((row) => ({
    obj: hydrate(compiled.klassInfo!, row, db)!,
    key: keyField ? keyField.fromDb(row._prefetch_key, db) : undefined,
  }));
}
