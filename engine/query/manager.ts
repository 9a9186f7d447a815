// Managers: `Author.objects`. A manager hands out querysets (getQueryset) and offers their
// methods directly, as Django's does. Custom managers override getQueryset() (e.g. to hide
// soft-deleted rows) or come from a QuerySet subclass with QuerySetClass.asManager(Model).
import type { Model } from '../models/model.ts';
import { apps } from '../models/registry.ts';
import type { ModelClass } from '../models/types.ts';
import type { SqlValue } from '../db/driver.ts';
import type { Expression } from './expressions.ts';
import { managerHooks, QuerySet, type Filter } from './queryset.ts';
import { RawQuerySet } from './raw.ts';
import type { CreateOf } from '../models/types.ts';

/** The queryset methods a manager offers, each on a fresh getQueryset(). */
const DELEGATED = [
  'all', 'filter', 'exclude', 'orderBy', 'reverse', 'distinct', 'none', 'using', 'slice', 'selectRelated',
  'prefetchRelated', 'only', 'defer', 'values', 'valuesList', 'get', 'first', 'last', 'count', 'exists', 'at',
  'create', 'getOrCreate', 'updateOrCreate', 'update', 'bulkCreate', 'bulkUpdate', 'inBulk', 'iterator', 'explain',
  'sql', 'annotate', 'alias', 'aggregate', 'selectForUpdate', 'union', 'intersection', 'difference',
] as const;

// Declared as methods (not picked from QuerySet) so that Manager<Author> still fits where the
// base model's manager is expected: TypeScript checks method parameters bivariantly.
type QS<I extends Model> = QuerySet<I>;
export interface Manager<I extends Model = any> {
  all(): QS<I>;
  filter(...conditions: Array<Filter<I> | Expression>): QS<I>;
  exclude(...conditions: Array<Filter<I> | Expression>): QS<I>;
  orderBy(...names: Parameters<QS<I>['orderBy']>): QS<I>;
  reverse(): QS<I>;
  distinct(...fields: string[]): QS<I>;
  none(): QS<I>;
  using(alias: string): QS<I>;
  slice(start: number, end?: number): QS<I>;
  selectRelated(...names: string[]): QS<I>;
  prefetchRelated(...lookups: Parameters<QS<I>['prefetchRelated']>): QS<I>;
  only(...names: string[]): QS<I>;
  defer(...names: string[]): QS<I>;
  values<K extends string>(...fields: K[]): QuerySet<I, { [P in K]: P extends keyof I ? I[P] : unknown }>;
  valuesList<K extends string>(field: K, options: { flat: true }): QuerySet<I, K extends keyof I ? I[K] : unknown>;
  valuesList(...fields: Array<string | { flat?: boolean; named?: boolean }>): QuerySet<I, unknown[]>;
  get(...conditions: Filter<I>[]): Promise<I>;
  first(): Promise<I | null>;
  last(): Promise<I | null>;
  count(): Promise<number>;
  exists(): Promise<boolean>;
  at(index: number): Promise<I>;
  create(values: CreateOf<I>): Promise<I>;
  getOrCreate(lookup: Filter<I>, options?: { defaults?: Record<string, unknown> }): Promise<[I, boolean]>;
  updateOrCreate(lookup: Filter<I>, options?: { defaults?: Record<string, unknown>; createDefaults?: Record<string, unknown> }): Promise<[I, boolean]>;
  update(values: Record<string, unknown>): Promise<number>;
  bulkCreate(objs: I[], options?: Parameters<QS<I>['bulkCreate']>[1]): Promise<I[]>;
  bulkUpdate(objs: I[], fields: string[], options?: { batchSize?: number }): Promise<number>;
  inBulk(ids?: unknown[], options?: { fieldName?: string }): Promise<Map<unknown, I>>;
  iterator(options?: { chunkSize?: number }): AsyncGenerator<I>;
  explain(options?: { analyze?: boolean }): Promise<string>;
  sql(): { sql: string; params: unknown[] };
  annotate: QS<I>['annotate'];
  alias: QS<I>['alias'];
  aggregate: QS<I>['aggregate'];
  selectForUpdate(options?: Parameters<QS<I>['selectForUpdate']>[0]): QS<I>;
  union(...others: Parameters<QS<I>['union']>): QS<I>;
  intersection(...others: Parameters<QS<I>['intersection']>): QS<I>;
  difference(...others: Parameters<QS<I>['difference']>): QS<I>;
}

export class Manager<I extends Model = any> {
  /** The attribute name on the model ('objects'), found when first needed. */
  private boundName: string | undefined;
  private bound: ModelClass | undefined;

  /** Pass the model class when you declare a manager in a class body: `static objects = new Manager<Post>(this)`. */
  constructor(model?: ModelClass) {
    if (model) this.contribute(model);
  }

  contribute(model: ModelClass, name?: string): void {
    this.bound = model;
    this.boundName = name;
    const managers = model._meta.managers;
    // A manager declared under an inherited manager's name replaces it (and its place).
    const same = name ? managers.findIndex((m) => m !== this && m.name === name) : -1;
    if (same >= 0) managers[same] = this;
    else if (!managers.includes(this)) managers.push(this);
  }

  get model(): ModelClass<any> {
    if (!this.bound) throw new Error('This manager is not attached to a model: create it with `new Manager(this)` in the class body.');
    apps.claim(this.bound);
    return this.bound._meta.model === this.bound._meta.definedClass ? this.bound : this.bound._meta.model;
  }

  get name(): string {
    if (!this.boundName && this.bound) {
      for (let cls: object | null = this.bound; cls && !this.boundName; cls = Object.getPrototypeOf(cls)) {
        this.boundName = Object.getOwnPropertyNames(cls).find((key) => Object.getOwnPropertyDescriptor(cls!, key)?.value === this);
      }
    }
    return this.boundName ?? 'objects';
  }

  /** Your own SELECT, rows as instances of this model (Django's Manager.raw): bound parameters only. */
  raw(sql: string, params: readonly SqlValue[] = []): RawQuerySet<I> {
    return new RawQuerySet<I>(this.model, sql, params);
  }

  /** Override to change what every query of this manager starts from. */
  getQueryset(): QuerySet<I> {
    apps.ready();
    return new QuerySet<I>(this.model);
  }
}

for (const method of DELEGATED) {
  Object.defineProperty(Manager.prototype, method, {
    value(this: Manager, ...args: unknown[]) {
      const qs = this.getQueryset() as unknown as Record<string, (...a: unknown[]) => unknown>;
      return qs[method]!(...args);
    },
    writable: true,
    configurable: true,
  });
}

/** What `QuerySetSubclass.asManager(model)` gives: the queryset's methods (your own included), minus evaluation. */
export type ManagerFor<QS extends QuerySet<any>> = Omit<QS, 'then' | typeof Symbol.asyncIterator | 'list' | 'query' | 'db'> &
  Manager<QS extends QuerySet<infer I> ? I : never> & { getQueryset(): QS };

/** Make a manager whose querysets are of class `qsClass`, with its methods on the manager (Django's as_manager). */
export function managerFromQuerySet<QS extends QuerySet<any>>(
  qsClass: new (model: ModelClass, query?: never) => QS,
  model?: ModelClass,
): ManagerFor<QS> {
  const manager = new Manager(model);
  manager.getQueryset = function (this: Manager) {
    apps.ready();
    return new qsClass(this.model) as QuerySet<any>;
  };
  for (let proto = qsClass.prototype; proto && proto !== QuerySet.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key.startsWith('_') || key in manager) continue;
      Object.defineProperty(manager, key, {
        value(this: Manager, ...args: unknown[]) {
          return (this.getQueryset() as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!(...args);
        },
        enumerable: true,
      });
    }
  }
  return manager as unknown as ManagerFor<QS>;
}

managerHooks.fromQuerySet = managerFromQuerySet as never;
