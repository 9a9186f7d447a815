// QuerySet: lazy, chainable, immutable. Every method that refines returns a clone; nothing
// runs until the queryset is awaited, iterated (`for await`) or asked a terminal question
// (count, exists, get, first...). A queryset that has been evaluated keeps its rows.
import { connections } from '../db/connections.ts';
import { router, type RoutedModel } from '../db/router.ts';
import type { Database } from '../db/database.ts';
import type { SqlValue } from '../db/driver.ts';
import { inlineParams } from '../db/inline-params.ts';
import { NotSupportedError, TransactionManagementError } from '../db/errors.ts';
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import { addAnnotations, aggregate, type AnnotationArgs } from './annotations.ts';
import type { Model } from '../models/model.ts';
import type { CreateOf, FilterArgs, ModelClass, OrderKey } from '../models/types.ts';
import { Compiler, type CompiledSelect } from './compiler.ts';
import type { Expression, OrderBy } from './expressions.ts';
import { readInPages } from './pages.ts';
import { prefetchRelatedObjects, type Prefetch } from './prefetch.ts';
import type { ManagerFor } from './manager.ts';
import type { Q } from './q.ts';
import { Query, type SelectRelatedTree } from './query.ts';
import { explainQuery } from './explain.ts';
import { toRows, type RowMode } from './hydrate.ts';
import { combine } from './set-operations.ts';
import * as writes from './writes.ts';

/** Filled in by manager.ts (which imports this file). */
export const managerHooks = {} as { fromQuerySet(qsClass: unknown, model?: ModelClass<any>): unknown };

export type Filter<I> = FilterArgs<I> | Q;
/** filter() keys: the model's, plus annotate()'s names (`n`, `n__gte`) once there are some. */
export type FilterWith<I, A extends string> = [A] extends [never] ? Filter<I> : (FilterArgs<I> & { [K in A | `${A}__${string}`]?: unknown }) | Q;

export class QuerySet<I extends Model = any, R = I, A extends string = never> implements PromiseLike<R[]>, AsyncIterable<R> {
  /** The query tree (read it, don't change it: querysets are immutable). */
  query: Query;
  /** using(): the database alias this queryset runs on, when chosen. */
  protected dbAlias: string | undefined;
  protected rowMode: RowMode = 'models';
  protected prefetchLookups: Array<string | Prefetch> = [];
  private resultCache: R[] | null = null;

  constructor(
    readonly model: ModelClass<I>,
    query?: Query,
  ) {
    this.query = query ?? new Query(model);
  }

  /**
   * A manager whose querysets are this class, with its methods on the manager too (Django's
   * as_manager): `static objects = PostQuerySet.asManager(this)` in the model's class body.
   */
  static asManager<QS extends QuerySet<any>>(this: new (model: ModelClass<any>, query?: Query) => QS, model?: ModelClass<any>): ManagerFor<QS> {
    return managerHooks.fromQuerySet(this, model) as ManagerFor<QS>;
  }

  /** The database this queryset reads from: `using()`'s alias, else the router's choice ('default'). */
  get db(): Database {
    return connections.get(this.dbAlias ?? router.dbForRead(this.model as unknown as RoutedModel));
  }

  /** The database its writes go to (update, delete, create): `using()`'s alias, else the router's choice. */
  get dbForWrite(): Database {
    return connections.get(this.dbAlias ?? router.dbForWrite(this.model as unknown as RoutedModel));
  }

  protected clone(): this {
    const Ctor = this.constructor as new (model: ModelClass<I>, query: Query) => this;
    const copy = new Ctor(this.model, this.query.clone());
    copy.dbAlias = this.dbAlias;
    copy.rowMode = this.rowMode;
    copy.prefetchLookups = [...this.prefetchLookups];
    return copy;
  }

  private with(change: (q: Query) => void): this {
    const copy = this.clone();
    change(copy.query);
    return copy;
  }

  private assertNotSliced(what: string): void {
    if (this.query.isSliced) throw new TypeError(`Cannot ${what} a query once a slice has been taken.`);
  }

  // ——— refining (each returns a new queryset) ———

  all(): this {
    return this.clone();
  }

  filter(...conditions: Array<FilterWith<I, A> | Expression>): this {
    this.assertNotSliced('filter');
    this.assertNotCombined('filter');
    return this.with((q) => q.addFilter(conditions as Array<Q | Record<string, unknown>>, false));
  }

  exclude(...conditions: Array<FilterWith<I, A> | Expression>): this {
    this.assertNotSliced('filter');
    this.assertNotCombined('exclude');
    return this.with((q) => q.addFilter(conditions as Array<Q | Record<string, unknown>>, true));
  }

  /**
   * Computed attributes: `annotate({ nPosts: Count('posts') })`, or positional
   * (`annotate(Count('posts'))` names it posts__count). An aggregate makes this a GROUP BY query.
   */
  annotate<K extends string>(...args: Array<Expression | Record<K, Expression>>): QuerySet<I, R & { [P in K]: any }, A | K> {
    this.assertNotCombined('annotate');
    return this.with((q) => addAnnotations(q, args)) as unknown as QuerySet<I, R & { [P in K]: any }, A | K>;
  }

  /**
   * Django's alias(): a named expression for filter(), exclude(), orderBy() and later annotate()s,
   * not selected (cheaper when only a filter needs it). values() of it is a FieldError.
   */
  alias<K extends string>(...args: Array<Record<K, Expression>>): QuerySet<I, R, A | K> {
    this.assertNotCombined('alias');
    return this.with((q) => addAnnotations(q, args, { select: false })) as unknown as QuerySet<I, R, A | K>;
  }

  /** One row of aggregates over the whole queryset: `{ total: 12 }`; Count is 0 and Sum null over no rows. */
  async aggregate(...args: AnnotationArgs): Promise<Record<string, any>> {
    return aggregate(this.query, this.db, args);
  }

  /**
   * Lock the selected rows until the transaction ends (SELECT ... FOR UPDATE). Must run
   * inside atomic(). On SQLite it is a no-op: a writer locks the whole database file, so
   * there are no row locks to take (Django ignores it there too).
   */
  selectForUpdate(options: { nowait?: boolean; skipLocked?: boolean; of?: string[] } = {}): this {
    if (options.nowait && options.skipLocked) throw new TypeError('The nowait option cannot be used with skipLocked.');
    return this.with((q) => void (q.selectForUpdate = { nowait: !!options.nowait, skipLocked: !!options.skipLocked, of: options.of ?? [] }));
  }

  /** Rows of this queryset and the others' (UNION; `{ all: true }` keeps duplicates). */
  union(...others: Array<QuerySet<any, any> | { all?: boolean }>): this {
    return combine(this, 'UNION', others);
  }

  /** Rows in this queryset and in every other (INTERSECT). */
  intersection(...others: QuerySet<any, any>[]): this {
    return combine(this, 'INTERSECT', others);
  }

  /** Rows in this queryset and in none of the others (EXCEPT). */
  difference(...others: QuerySet<any, any>[]): this {
    return combine(this, 'EXCEPT', others);
  }

  private assertNotCombined(what: string): void {
    const kind = this.query.combinator?.kind;
    if (kind) throw new NotSupportedError(`Calling ${what}() after ${{ UNION: 'union', INTERSECT: 'intersection', EXCEPT: 'difference' }[kind]}() is not supported: only orderBy, slice, values, count and exists apply to combined rows.`);
  }

  /** orderBy('-createdAt', 'author__name'), '?' for random; no names clears the ordering. */
  orderBy(...names: Array<OrderKey<I> | A | `-${A}` | OrderBy>): this {
    this.assertNotSliced('reorder');
    return this.with((q) => {
      q.ordering = names as Array<string | OrderBy>;
      q.defaultOrdering = false;
    });
  }

  reverse(): this {
    return this.with((q) => void (q.standardOrdering = !q.standardOrdering));
  }

  /** DISTINCT; with field names, PostgreSQL's DISTINCT ON (fields): one row per group, the first by orderBy. */
  distinct(...fields: string[]): this {
    return this.with((q) => {
      q.distinct = true;
      q.distinctFields = [...q.distinctFields, ...fields];
    });
  }

  /** A queryset that matches nothing and never queries. */
  none(): this {
    return this.with((q) => void (q.empty = true));
  }

  using(alias: string): this {
    const copy = this.clone();
    copy.dbAlias = alias;
    return copy;
  }

  /** Django's qs[start:end]: LIMIT/OFFSET. Negative indexes are refused, as in Django. */
  slice(start: number, end?: number): this {
    if (start < 0 || (end !== undefined && end < 0)) throw new TypeError('Negative indexing is not supported.');
    if (!Number.isInteger(start) || (end !== undefined && !Number.isInteger(end))) throw new TypeError('Slice bounds must be integers.');
    return this.with((q) => {
      const low = q.low + start;
      const high = end === undefined ? q.high : q.low + end;
      q.low = low;
      q.high = high === null ? null : Math.min(high, q.high ?? high);
      if (q.high !== null && q.high < q.low) q.high = q.low;
    });
  }

  /** Follow foreign keys in the same query (JOINs); nullable ones become LEFT OUTER JOINs. */
  selectRelated(...names: string[]): this {
    return this.with((q) => {
      if (names.length === 0) {
        q.selectRelated = true;
        return;
      }
      const tree: SelectRelatedTree = q.selectRelated && q.selectRelated !== true ? structuredClone(q.selectRelated) : {};
      for (const name of names) {
        let node = tree;
        for (const part of name.split('__')) node = node[part] ??= {};
      }
      q.selectRelated = tree;
    });
  }

  /** Load reverse foreign keys and many-to-many relations with one more query per lookup; `null` clears them. */
  prefetchRelated(...lookups: Array<string | Prefetch | null>): this {
    const copy = this.clone();
    copy.prefetchLookups = lookups.includes(null) ? [] : [...copy.prefetchLookups, ...(lookups as Array<string | Prefetch>)];
    return copy;
  }

  only(...names: string[]): this {
    return this.with((q) => void (q.deferred = { names: new Set(names), only: true }));
  }

  defer(...names: string[]): this {
    return this.with((q) => {
      const previous = q.deferred && !q.deferred.only ? [...q.deferred.names] : [];
      q.deferred = { names: new Set([...previous, ...names]), only: false };
    });
  }

  /** Dicts instead of instances: `{ id: 1, name: 'Ann' }`; related paths allowed ('author__name'). */
  values<K extends string>(...fields: K[]): QuerySet<I, { [P in K]: P extends keyof I ? I[P] : unknown }, A> {
    const copy = this.clone() as unknown as QuerySet<I, { [P in K]: P extends keyof I ? I[P] : unknown }, A>;
    for (const name of fields) {
      if (this.query.aliasOnly.has(name)) throw new FieldError(`Cannot select the '${name}' alias. Use annotate() to promote it.`);
    }
    const annotated = [...this.query.annotations.keys()].filter((name) => !this.query.aliasOnly.has(name));
    copy.query.valuesSelect = fields.length ? fields : [...this.model._meta.concreteFields.map((f) => f.attname), ...annotated];
    copy.rowMode = 'values';
    return copy;
  }

  /** Tuples instead of instances; `{ flat: true }` with one field gives plain values; `{ named: true }` objects. */
  valuesList<K extends string>(field: K, options: { flat: true }): QuerySet<I, K extends keyof I ? I[K] : unknown, A>;
  valuesList(...fields: Array<string | { flat?: boolean; named?: boolean }>): QuerySet<I, unknown[], A>;
  valuesList(...args: Array<string | { flat?: boolean; named?: boolean }>): QuerySet<I, any, A> {
    const options = typeof args[args.length - 1] === 'object' ? (args.pop() as { flat?: boolean; named?: boolean }) : {};
    const fields = args as string[];
    if (options.flat && fields.length > 1) throw new TypeError("'flat' is not valid when valuesList is called with more than one field.");
    if (options.flat && options.named) throw new TypeError("'flat' and 'named' can't be used together.");
    const copy = this.values(...fields) as unknown as QuerySet<I, any>;
    copy.rowMode = options.flat ? 'flat' : options.named ? 'named' : 'valuesList';
    return copy;
  }

  // ——— SQL ———

  /** The SELECT this queryset would run, per the current database: `{ sql, params }`. */
  sql(): { sql: string; params: unknown[] } {
    const compiled = new Compiler(this.query, this.db).select();
    return { sql: compiled.sql, params: compiled.params };
  }

  /**
   * Django's `str(qs.query)`: the SELECT with each parameter written in as a literal of the
   * current database. For reading and pasting into a SQL console; the engine itself always sends
   * the values separately (sql()).
   */
  toString(): string {
    const { sql, params } = this.sql();
    return inlineParams(sql, params as SqlValue[], this.db);
  }

  /**
   * The database's plan for this query, as text. `{ analyze: true }` runs the query and reports
   * what happened (PostgreSQL EXPLAIN ANALYZE, MariaDB ANALYZE, MySQL ≥ 8.0.18 EXPLAIN ANALYZE).
   */
  async explain(options: { analyze?: boolean } = {}): Promise<string> {
    const { sql, params } = this.sql();
    return explainQuery(this.db, sql, params as SqlValue[], options);
  }

  // ——— evaluation ———

  then<A = R[], B = never>(onFulfilled?: ((rows: R[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {
    return this.list().then(onFulfilled, onRejected);
  }

  /** Run the query (once: the rows are cached on this queryset). */
  async list(): Promise<R[]> {
    if (this.resultCache) return this.resultCache;
    this.assertLockInTransaction();
    const compiled = this.compileOrEmpty();
    const rows = compiled ? await this.db.query(compiled.sql, compiled.params) : [];
    const results = await this.withPrefetched(this.toResults(rows, compiled));
    this.resultCache = results;
    return results;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    yield* await this.list();
  }

  /**
   * Rows `chunkSize` at a time, without caching them: one query read through a cursor
   * (PostgreSQL) or a stream (MySQL/MariaDB; read whole inside a transaction), LIMIT/OFFSET
   * pages on SQLite (whose driver refuses writes while a cursor is open). prefetchRelated() runs
   * once per chunk.
   */
  async *iterator(options: { chunkSize?: number } = {}): AsyncGenerator<R> {
    const size = options.chunkSize ?? 2000;
    if (!Number.isInteger(size) || size <= 0) throw new TypeError('chunkSize must be a positive integer.');
    this.assertLockInTransaction();
    if (this.db.features.chunkedReads !== 'pages') {
      const compiled = this.compileOrEmpty();
      if (!compiled) return;
      for await (const rows of this.db.chunks(compiled.sql, compiled.params, size)) {
        yield* await this.withPrefetched(this.toResults(rows, compiled));
      }
      return;
    }
    if (this.query.isSliced || this.query.distinct) {
      yield* await this.clone().list();
      return;
    }
    yield* readInPages(this, size, this.rowMode === 'models');
  }

  /** prefetchRelated()'s queries, run for these results (all of list(), or one chunk of iterator()). */
  private async withPrefetched(results: R[]): Promise<R[]> {
    if (this.prefetchLookups.length && this.rowMode === 'models' && results.length) {
      await prefetchRelatedObjects(results as unknown as Model[], this.prefetchLookups);
    }
    return results;
  }

  private assertLockInTransaction(): void {
    if (this.query.selectForUpdate && this.db.features.hasSelectForUpdate && !this.db.inAtomicBlock) {
      throw new TransactionManagementError('selectForUpdate() cannot be used outside of a transaction: run it inside db.atomic(async () => { ... }).');
    }
  }

  private compileOrEmpty(): CompiledSelect | null {
    if (this.query.empty) return null;
    try {
      return new Compiler(this.query, this.db).select();
    } catch (err) {
      if (err instanceof EmptyResultSet) return null;
      throw err;
    }
  }

  private toResults(rows: Record<string, unknown>[], compiled: CompiledSelect | null): R[] {
    return compiled ? (toRows(rows, compiled, this.db, this.rowMode) as R[]) : [];
  }

  async count(): Promise<number> {
    if (this.resultCache) return this.resultCache.length;
    const sql = this.tryCompile((c) => c.count());
    if (!sql) return 0;
    const rows = await this.db.query<{ count: number | string }>(sql[0], sql[1]);
    return Number(rows[0]!.count);
  }

  async exists(): Promise<boolean> {
    if (this.resultCache) return this.resultCache.length > 0;
    const sql = this.tryCompile((c) => c.exists());
    if (!sql) return false;
    return (await this.db.query(sql[0], sql[1])).length > 0;
  }

  private tryCompile<T>(fn: (c: Compiler) => T): T | null {
    if (this.query.empty) return null;
    try {
      return fn(new Compiler(this.query.clone(), this.db));
    } catch (err) {
      if (err instanceof EmptyResultSet) return null;
      throw err;
    }
  }

  /** Exactly one row, or DoesNotExist / MultipleObjectsReturned naming the model and the filter. */
  async get(...conditions: Filter<I>[]): Promise<R> {
    const qs = conditions.length ? this.filter(...conditions) : this.clone();
    // Django reads at most 21 rows to say "more than 20" without loading millions.
    const limited = qs.query.isSliced ? qs : qs.orderBy().slice(0, 21);
    const rows = await limited.list();
    const meta = this.model._meta;
    const shown = conditions.map((c) => (typeof c === 'object' && c && !('connector' in c) ? JSON.stringify(c) : String(c))).join(', ');
    if (rows.length === 1) return rows[0]!;
    if (rows.length === 0) {
      throw new this.model.DoesNotExist(`${meta.objectName} matching query does not exist.${shown ? ` Filter: ${shown}` : ''}`);
    }
    const many = rows.length > 20 ? 'more than 20' : String(rows.length);
    throw new this.model.MultipleObjectsReturned(`get() returned more than one ${meta.objectName} -- it returned ${many}!${shown ? ` Filter: ${shown}` : ''}`);
  }

  /** The first row by the ordering (by primary key when there is none), or null. */
  async first(): Promise<R | null> {
    const ordered = this.isOrdered() ? this.clone() : this.orderBy('pk' as OrderKey<I>);
    const rows = await ordered.slice(0, 1).list();
    return rows[0] ?? null;
  }

  async last(): Promise<R | null> {
    const ordered = this.isOrdered() ? this.reverse() : this.orderBy('-pk' as OrderKey<I>);
    const rows = await ordered.slice(0, 1).list();
    return rows[0] ?? null;
  }

  /** The row at `index` (Django's qs[5]); an IndexError-like RangeError when there is none. */
  async at(index: number): Promise<R> {
    const rows = await this.slice(index, index + 1).list();
    if (!rows.length) throw new RangeError(`No row at index ${index}.`);
    return rows[0]!;
  }

  isOrdered(): boolean {
    return this.query.ordering.length > 0 || (this.query.defaultOrdering && this.model._meta.ordering.length > 0);
  }

  // ——— writes ———

  async create(values: CreateOf<I>): Promise<I> {
    const obj = new this.model(values as Record<string, unknown>);
    await obj.save({ forceInsert: true, using: this.dbForWrite.alias });
    return obj;
  }

  async getOrCreate(lookup: Filter<I>, options: { defaults?: Record<string, unknown> } = {}): Promise<[I, boolean]> {
    // Django reads from the database it may write to, so the answer and the insert agree.
    return writes.getOrCreate(this.using(this.dbForWrite.alias) as unknown as QuerySet<I, I>, lookup as Record<string, unknown>, options.defaults ?? {});
  }

  async updateOrCreate(
    lookup: Filter<I>,
    options: { defaults?: Record<string, unknown>; createDefaults?: Record<string, unknown> } = {},
  ): Promise<[I, boolean]> {
    return writes.updateOrCreate(this.using(this.dbForWrite.alias) as unknown as QuerySet<I, I>, lookup as Record<string, unknown>, options);
  }

  /** UPDATE every matching row; values may be F expressions. Returns the number of rows. */
  async update(values: Record<string, unknown>): Promise<number> {
    this.assertNotSliced('update');
    return writes.updateRows(this.query, this.dbForWrite, values);
  }

  /** Delete the matching rows and what depends on them; returns [total, per model label]. */
  async delete(): Promise<[number, Record<string, number>]> {
    this.assertNotSliced('delete');
    if (this.rowMode !== 'models') throw new TypeError('Cannot call delete() after values() or valuesList().');
    return writes.deleteQuery(this.using(this.dbForWrite.alias) as unknown as QuerySet<Model, Model>);
  }

  async bulkCreate(
    objs: I[],
    options: { batchSize?: number; ignoreConflicts?: boolean; updateConflicts?: boolean; uniqueFields?: string[]; updateFields?: string[] } = {},
  ): Promise<I[]> {
    return writes.bulkCreate(this.model, this.dbForWrite, objs, options);
  }

  async bulkUpdate(objs: I[], fields: string[], options: { batchSize?: number } = {}): Promise<number> {
    return writes.bulkUpdate(this.model, this.dbForWrite, objs, fields, options.batchSize);
  }

  /** A Map from primary key (or another unique field) to instance. */
  async inBulk(ids?: unknown[], options: { fieldName?: string } = {}): Promise<Map<unknown, I>> {
    const fieldName = options.fieldName ?? 'pk';
    const field = fieldName === 'pk' ? this.model._meta.pk : this.model._meta.getField(fieldName);
    if (!field.unique) throw new FieldError(`inBulk()'s fieldName must be a unique field, but '${fieldName}' isn't.`);
    const qs = ids === undefined ? this.clone() : this.filter({ [`${fieldName}__in`]: ids } as Filter<I>);
    const rows = (await qs.list()) as unknown as I[];
    return new Map(rows.map((obj) => [(obj as unknown as Record<string, unknown>)[field.attname], obj]));
  }
}

