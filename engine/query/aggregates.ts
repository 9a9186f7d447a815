// Aggregates (Django's django.db.models.aggregates): Count, Sum, Avg, Max, Min, StdDev,
// Variance. Each takes { distinct, filter, default }. `filter` becomes FILTER (WHERE ...)
// where the database has it (PostgreSQL, SQLite ≥ 3.30) and CASE WHEN ... THEN x END
// elsewhere (MySQL/MariaDB); `default` wraps the result in COALESCE, since SUM over no rows is
// NULL while COUNT is 0.
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { FloatField, IntegerField } from '../models/fields/scalar.ts';
import type { Compiler } from './compiler.ts';
import { Expression, FieldRef, Value, type ResolveContext, type Sql } from './expressions.ts';
import { Func } from './functions/func.ts';
import type { Q } from './q.ts';
import type { Query } from './query.ts';
import type { WhereChild } from './where.ts';

export interface AggregateOptions {
  /** COUNT(DISTINCT x): each value once. */
  distinct?: boolean;
  /** Only the rows that match, as filter() would: { published: true } or a Q. */
  filter?: Q | Record<string, unknown>;
  /** The result when there are no rows (or only NULLs): COALESCE(aggregate, default). */
  default?: unknown;
  outputField?: Field;
}

/** COUNT(*): the star is not a field. */
class Star extends Expression {
  compile(): Sql {
    return ['*', []];
  }
}

export class Aggregate extends Func {
  override readonly isAggregate = true;
  /** The filter, resolved against the query into a WHERE condition. */
  protected condition: WhereChild | null = null;

  constructor(
    name: string,
    sqlName: string,
    expression: unknown,
    readonly options: AggregateOptions = {},
  ) {
    super(name, sqlName, [expression === '*' ? new Star() : expression], options.outputField);
    if (options.default !== undefined && options.default !== null && name === 'Count') throw new TypeError('Count does not allow default: it is already 0 over no rows.');
  }

  /** What Django calls default_alias: aggregate(Count('posts')) → { posts__count }. */
  get defaultAlias(): string {
    const source = this.args[0];
    if (!(source instanceof FieldRef)) throw new TypeError(`${this.name}() over an expression needs a name: aggregate({ total: ${this.name}(...) }).`);
    return `${source.name}__${this.name.toLowerCase()}`;
  }

  /** The value over no rows at all (Django's empty_result_set_value, or the default). */
  get emptyValue(): unknown {
    return this.options.default ?? (this.name === 'Count' ? 0 : null);
  }

  override resolve(query: Query, ctx: ResolveContext): Expression {
    // Aggregates over relations keep rows without related rows (LEFT OUTER JOIN): Count is 0 there.
    const inner = { ...ctx, allowJoins: true, outerIfNullable: true };
    const copy = super.resolve(query, inner) as Aggregate;
    if (copy.args.some((a) => a.containsAggregate)) {
      throw new FieldError(`Cannot compute ${this.name}(${this.args.map(String).join(', ')}): it contains an aggregate. Aggregate over an annotation with aggregate() on the annotated queryset.`);
    }
    copy.condition = this.options.filter ? query.buildCondition(this.options.filter, inner) : null;
    return copy;
  }

  override compile(c: Compiler): Sql {
    let sql: string;
    let params: Sql[1];
    try {
      [sql, params] = this.compileAggregate(c);
    } catch (err) {
      // A filter that matches nothing (id__in: []): the aggregate over no rows.
      if (!(err instanceof EmptyResultSet)) throw err;
      return new Value(this.emptyValue).compile(c);
    }
    if (this.options.default === undefined || this.options.default === null) return [sql, params];
    const [fallback, fp] = new Value(this.options.default, this.outputField).compile(c);
    return [`COALESCE(${sql}, ${fallback})`, [...params, ...fp]];
  }

  private compileAggregate(c: Compiler): Sql {
    const [arg, argParams] = this.args[0]!.compile(c);
    const distinct = this.options.distinct ? 'DISTINCT ' : '';
    const fn = this.sqlName;
    if (!this.condition) return [`${fn}(${distinct}${arg})`, argParams];
    const [cond, condParams] = this.condition.compile(c);
    if (!cond) return [`${fn}(${distinct}${arg})`, argParams]; // a filter every row matches
    if (c.db.features.supportsAggregateFilterClause) return [`${fn}(${distinct}${arg}) FILTER (WHERE ${cond})`, [...argParams, ...condParams]];
    const value = arg === '*' ? '1' : arg;
    return [`${fn}(${distinct}CASE WHEN ${cond} THEN ${value} ELSE NULL END)`, [...condParams, ...argParams]];
  }
}

/** The number of rows (Count('*')) or of non-NULL values. Always an integer, 0 over no rows. */
export const Count = (expression: unknown = '*', options: AggregateOptions = {}) =>
  new Aggregate('Count', 'COUNT', expression, { ...options, outputField: options.outputField ?? IntegerField() });

export const Sum = (expression: unknown, options: AggregateOptions = {}) => new Aggregate('Sum', 'SUM', expression, options);
export const Max = (expression: unknown, options: AggregateOptions = {}) => new Aggregate('Max', 'MAX', expression, options);
export const Min = (expression: unknown, options: AggregateOptions = {}) => new Aggregate('Min', 'MIN', expression, options);

/** The mean: a float (a decimal for a DecimalField), as in Django. */
export class AvgAggregate extends Aggregate {
  protected override inferOutput(): Field | undefined {
    const source = super.inferOutput();
    return this.options.outputField ?? (source?.kind === 'DecimalField' ? source : FloatField());
  }
}
export const Avg = (expression: unknown, options: AggregateOptions = {}) => new AvgAggregate('Avg', 'AVG', expression, options);

/** Population standard deviation, or the sample's with { sample: true }. SQLite gets it from a registered function. */
export const StdDev = (expression: unknown, options: AggregateOptions & { sample?: boolean } = {}) =>
  new Aggregate('StdDev', options.sample ? 'STDDEV_SAMP' : 'STDDEV_POP', expression, { ...options, outputField: options.outputField ?? FloatField() });

export const Variance = (expression: unknown, options: AggregateOptions & { sample?: boolean } = {}) =>
  new Aggregate('Variance', options.sample ? 'VAR_SAMP' : 'VAR_POP', expression, { ...options, outputField: options.outputField ?? FloatField() });
