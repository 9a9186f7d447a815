// The delete collector (Django's deletion.Collector): before deleting rows, follow every
// relation that points at them and apply its onDelete — CASCADE collects the dependents,
// PROTECT and RESTRICT refuse (naming the rows in the way), SET_NULL / SET_DEFAULT update.
// Dependents are deleted before the rows they depend on, all in one transaction.
import type { Database } from '../db/database.ts';
import { ProtectedError, RestrictedError } from '../models/errors.ts';
import { ForeignKeyType } from '../models/fields/related.ts';
import type { Model } from '../models/model.ts';
import type { Options } from '../models/options.ts';
import { QuerySet } from './queryset.ts';

interface FieldUpdate {
  field: ForeignKeyType;
  value: unknown;
  objs: Model[];
}

export class Collector {
  /** Rows to delete per concrete model, in the order they were found (parents first). */
  private readonly data = new Map<Options, Map<unknown, Model>>();
  private readonly updates: FieldUpdate[] = [];
  private readonly restricted: Array<{ field: ForeignKeyType; objs: Model[] }> = [];

  constructor(private readonly db: Database) {}

  async collect(meta: Options, objs: Model[]): Promise<void> {
    const concrete = meta.concrete;
    // Multi-table inheritance: deleting a child deletes its parent row; the parent's
    // reverse relations (its `<child>` link among them) collect the child again, in order.
    if (concrete.parentLink) await this.collect(concrete.parentLink.relatedMeta, objs);
    let bucket = this.data.get(concrete);
    if (!bucket) this.data.set(concrete, (bucket = new Map()));
    const fresh = objs.filter((o) => !bucket.has(o.pk));
    if (!fresh.length) return;
    for (const obj of fresh) bucket.set(obj.pk, obj);
    const pks = fresh.map((o) => o.pk);
    for (const relation of concrete.reverseRelations) {
      const field = relation.field;
      if (!(field instanceof ForeignKeyType)) continue; // many-to-many rows go through their through model's FKs
      if (field.onDelete === 'DO_NOTHING') continue;
      const related = (await new QuerySet(field.model._meta.model)
        .using(this.db.alias)
        .filter({ [`${field.name}__in`]: pks })
        .list()) as Model[];
      if (!related.length) continue;
      switch (field.onDelete) {
        case 'CASCADE':
          await this.collect(field.model._meta, related);
          break;
        case 'PROTECT':
          throw new ProtectedError(
            `Cannot delete some instances of model '${meta.objectName}' because they are referenced through protected ` +
              `foreign keys: '${field.model._meta.objectName}.${field.name}'. Blocking: ${related.map(String).join(', ')}.`,
            related,
          );
        case 'RESTRICT':
          this.restricted.push({ field, objs: related });
          break;
        case 'SET_NULL':
          this.updates.push({ field, value: null, objs: related });
          break;
        case 'SET_DEFAULT':
          this.updates.push({ field, value: field.getDefault(), objs: related });
          break;
      }
    }
  }

  /** RESTRICT only refuses when the pointing rows are not themselves being deleted. */
  private checkRestricted(): void {
    for (const { field, objs } of this.restricted) {
      const bucket = this.data.get(field.model._meta.concrete);
      const blocking = objs.filter((o) => !bucket?.has(o.pk));
      if (blocking.length) {
        throw new RestrictedError(
          `Cannot delete some instances of model '${field.relatedMeta.objectName}' because they are referenced through ` +
            `restricted foreign keys: '${field.model._meta.objectName}.${field.name}'. Blocking: ${blocking.map(String).join(', ')}.`,
          blocking,
        );
      }
    }
  }

  async delete(): Promise<[number, Record<string, number>]> {
    this.checkRestricted();
    const counts: Record<string, number> = {};
    let total = 0;
    await this.db.atomic(async () => {
      for (const { field, value, objs } of this.updates) {
        const live = objs.filter((o) => !this.data.get(field.model._meta.concrete)?.has(o.pk));
        if (!live.length) continue;
        await new QuerySet(field.model._meta.model).using(this.db.alias).filter({ pk__in: live.map((o) => o.pk) }).update({ [field.name]: value });
        for (const o of live) (o as unknown as Record<string, unknown>)[field.attname] = value;
      }
      for (const [meta, bucket] of [...this.data.entries()].reverse()) {
        const pks = [...bucket.keys()];
        const q = (n: string) => this.db.quoteName(n);
        let deleted = 0;
        const size = Math.max(1, this.db.features.maxQueryParams - 1);
        for (let i = 0; i < pks.length; i += size) {
          const chunk = pks.slice(i, i + size).map((pk) => meta.pk.toDb(pk, this.db));
          const sql = `DELETE FROM ${q(meta.dbTable)} WHERE ${q(meta.pk.column)} IN (${chunk.map(() => '?').join(', ')})`;
          deleted += (await this.db.execute(sql, chunk)).rowCount;
        }
        if (deleted) counts[meta.label] = (counts[meta.label] ?? 0) + deleted;
        total += deleted;
      }
    });
    // As in Django: deleted instances keep their attributes but lose their primary key.
    for (const bucket of this.data.values()) {
      for (const obj of bucket.values()) {
        obj.pk = null;
        obj._state.adding = true;
      }
    }
    return [total, counts];
  }
}
