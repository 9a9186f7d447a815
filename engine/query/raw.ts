// Model.objects.raw(sql, params): your own SELECT, its rows turned into model instances
// (Django's RawQuerySet). Columns are matched to fields by column name; columns that are not
// fields become plain attributes. Values travel only as bound parameters (`?`).
import { connections } from '../db/connections.ts';
import { router, type RoutedModel } from '../db/router.ts';
import type { Database } from '../db/database.ts';
import type { SqlValue } from '../db/driver.ts';
import { FieldError } from '../models/errors.ts';
import type { Model } from '../models/model.ts';
import type { ModelClass } from '../models/types.ts';
import { newFromDb } from './hydrate.ts';

export class RawQuerySet<I extends Model = Model> implements PromiseLike<I[]>, AsyncIterable<I> {
  constructor(
    readonly model: ModelClass<I>,
    readonly rawSql: string,
    readonly params: readonly SqlValue[] = [],
    readonly alias?: string,
  ) {
    if (typeof rawSql !== 'string' || !/^\s*(SELECT|WITH)\b/i.test(rawSql)) {
      throw new TypeError('raw() takes a SELECT statement; use connection.execute() for other statements.');
    }
  }

  /** The database it runs on: using()'s alias, else the router's database for reading, else 'default'. */
  get db(): Database {
    return connections.get(this.alias ?? router.dbForRead(this.model as unknown as RoutedModel));
  }

  /** Run it on another database. */
  using(alias: string): RawQuerySet<I> {
    return new RawQuerySet(this.model, this.rawSql, this.params, alias);
  }

  async list(): Promise<I[]> {
    const db = this.db;
    const rows = await db.query(this.rawSql, this.params);
    const meta = this.model._meta;
    return rows.map((row) => {
      if (!(meta.pk.column in row)) {
        throw new FieldError(`Raw query must include the primary key (${meta.pk.column}); it returned: ${Object.keys(row).join(', ')}.`);
      }
      const obj = newFromDb(meta, db) as I;
      const attrs = obj as unknown as Record<string, unknown>;
      const byColumn = new Map(meta.concreteFields.map((f) => [f.column, f]));
      for (const [column, value] of Object.entries(row)) {
        const field = byColumn.get(column);
        if (field) attrs[field.attname] = value === null ? null : field.fromDb(value, db);
        else attrs[column] = value; // an extra column, as Django annotates it
      }
      return obj;
    });
  }

  then<A = I[], B = never>(onFulfilled?: ((rows: I[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {
    return this.list().then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<I> {
    yield* await this.list();
  }
}

