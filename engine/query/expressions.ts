// Expressions: small nodes that compile themselves through the compiler. F('name') is a
// reference resolved against the query (joins included); Col is a resolved column; Value a
// bound parameter; CombinedExpression is arithmetic. Issue 5's Func, Case/When, Subquery and
// aggregates are more nodes of the same kind.
import type { SqlValue } from '../db/driver.ts';
import { FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import type { Compiler } from './compiler.ts';
import { combinedOutputField, valueOutputField } from './output-field.ts';
import { Q, type QLike } from './q.ts';
import type { Query } from './query.ts';

export type Sql = [sql: string, params: SqlValue[]];

export interface ResolveContext {
  /** Joins are allowed (filters, ordering), or not (update() values: a single table). */
  allowJoins: boolean;
  /** Create new joins as LEFT OUTER (inside OR / NOT). */
  outer?: boolean;
  /** Multi-valued joins made earlier in the same filter() call, which may be reused. */
  reuse?: Set<string>;
  /** Make joins through nullable relations LEFT OUTER (ordering, selectRelated, values). */
  outerIfNullable?: boolean;
  /** Join the last relation even when its own column would do (selectRelated needs its columns). */
  keepLastJoin?: boolean;
}

export abstract class Expression {
  /** The field whose conversions apply to this expression's values (the column's, usually). */
  outputField: Field | undefined;

  /** True for Count, Sum...: a query selecting one needs GROUP BY (or is an aggregate()). */
  readonly isAggregate: boolean = false;

  abstract compile(c: Compiler): Sql;

  /** The expressions this one is made of (Django's get_source_expressions). */
  sourceExpressions(): Expression[] {
    return [];
  }

  /** Does this expression (or one inside it) aggregate rows? */
  get containsAggregate(): boolean {
    return this.isAggregate || this.sourceExpressions().some((e) => e.containsAggregate);
  }

  /** The output field, or a FieldError when it cannot be inferred (Django's output_field). */
  resolvedOutputField(): Field | undefined {
    return this.outputField;
  }

  /** Replace references (F) by columns of `query`; nodes without references return themselves. */
  resolve(_query: Query, _ctx: ResolveContext): Expression {
    return this;
  }

  add(other: unknown): CombinedExpression {
    return new CombinedExpression(this, '+', other);
  }
  sub(other: unknown): CombinedExpression {
    return new CombinedExpression(this, '-', other);
  }
  mul(other: unknown): CombinedExpression {
    return new CombinedExpression(this, '*', other);
  }
  div(other: unknown): CombinedExpression {
    return new CombinedExpression(this, '/', other);
  }
  mod(other: unknown): CombinedExpression {
    return new CombinedExpression(this, '%', other);
  }
  /** Django's `exists & Q(...)`: a boolean expression combined with other conditions, as a Q. */
  and(other: QLike): Q {
    return new Q(this.asCondition('and')).and(other);
  }
  /** Django's `exists | Q(...)`. */
  or(other: QLike): Q {
    return new Q(this.asCondition('or')).or(other);
  }
  /** Django's `~exists`: the negated condition, as a Q (Exists overrides this to NOT EXISTS). */
  not(): Q | Expression {
    return new Q(this.asCondition('not')).not();
  }
  /** True or false by itself (Exists, a comparison), or of a type not known yet: usable as a condition. */
  get isCondition(): boolean {
    const kind = this.outputField?.kind;
    return kind === undefined || kind === 'BooleanField';
  }
  private asCondition(what: string): this {
    if (!this.isCondition) {
      throw new TypeError(`${what}() combines conditions, and ${String(this)} is a ${this.outputField!.kind}. For arithmetic use add()/sub()/mul()/div(); to compare, use a lookup.`);
    }
    return this;
  }
  asc(options: { nullsFirst?: boolean; nullsLast?: boolean } = {}): OrderBy {
    return new OrderBy(this, false, options);
  }
  desc(options: { nullsFirst?: boolean; nullsLast?: boolean } = {}): OrderBy {
    return new OrderBy(this, true, options);
  }
}

/** Django's F(): a field of the current row, across relations with '__'. */
export class FieldRef extends Expression {
  constructor(readonly name: string) {
    super();
  }
  compile(): Sql {
    throw new Error(`F('${this.name}') was compiled before being resolved against a query.`);
  }
  override resolve(query: Query, ctx: ResolveContext): Expression {
    return query.resolveName(this.name, ctx);
  }
  override toString(): string {
    return `F(${this.name})`;
  }
}

export function F(name: string): FieldRef {
  return new FieldRef(name);
}

/** A column of a table alias in the query. */
export class Col extends Expression {
  constructor(
    readonly alias: string,
    readonly field: Field,
    /** May be NULL here even if the field is not nullable (a LEFT OUTER JOIN). */
    readonly nullable = field.null,
  ) {
    super();
    this.outputField = field;
  }
  compile(c: Compiler): Sql {
    const column = c.qn(this.field.column);
    return [c.qualifyColumns ? `${c.qn(c.aliasName(this.alias))}.${column}` : column, []];
  }
}

/** A value sent as a bound parameter, converted by its field when it has one. */
export class Value extends Expression {
  constructor(
    readonly value: unknown,
    field?: Field,
  ) {
    super();
    this.outputField = field;
  }
  compile(c: Compiler): Sql {
    if (this.value === null || this.value === undefined) return ['NULL', []];
    const field = this.outputField;
    const param = field ? field.toDb(field.toPython(this.value), c.db) : (this.value as SqlValue);
    return ['?', [param]];
  }
  /** Django infers a Value's type from the value: 1 → IntegerField, 1.5 → FloatField, 'a' → CharField... */
  override resolvedOutputField(): Field | undefined {
    return this.outputField ?? valueOutputField(this.value);
  }
}

/** Wrap a plain value as a Value; expressions pass through. */
export function asExpression(value: unknown, field?: Field): Expression {
  return value instanceof Expression ? value : new Value(value, field);
}

export class CombinedExpression extends Expression {
  readonly rhs: Expression;
  /** Set when the two sides have types that do not combine: raised when the type is needed. */
  private mixedTypes: string | undefined;
  constructor(
    readonly lhs: Expression,
    readonly operator: string,
    rhs: unknown,
  ) {
    super();
    this.rhs = rhs instanceof Expression ? rhs : new Value(rhs);
    this.outputField = lhs.outputField;
  }
  override sourceExpressions(): Expression[] {
    return [this.lhs, this.rhs];
  }
  compile(c: Compiler): Sql {
    const [l, lp] = castIfGuessed(this.lhs, this.rhs, c);
    const [r, rp] = castIfGuessed(this.rhs, this.lhs, c);
    return [`(${l} ${this.operator} ${r})`, [...lp, ...rp]];
  }
  override resolve(query: Query, ctx: ResolveContext): Expression {
    const lhs = typeUntyped(this.lhs.resolve(query, ctx), this.rhs);
    const rhs = typeUntyped(this.rhs.resolve(query, ctx), lhs);
    const combined = new CombinedExpression(lhs, this.operator, rhs);
    const result = combinedOutputField(this.operator, lhs.resolvedOutputField(), rhs.resolvedOutputField());
    combined.outputField = result.field;
    combined.mixedTypes = result.error;
    return combined;
  }
  override resolvedOutputField(): Field | undefined {
    if (this.mixedTypes) throw new FieldError(this.mixedTypes);
    return this.outputField;
  }
}

/**
 * A plain number beside a field is converted by that field (F('price').mul(2) sends '2' for
 * a DecimalField), unless it does not fit: 1.5 beside an IntegerField stays a float.
 */
function typeUntyped(side: Expression, other: Expression): Expression {
  if (!(side instanceof Value) || side.outputField) return side;
  const field = other.outputField;
  const fractional = typeof side.value === 'number' && !Number.isInteger(side.value);
  if (!field || (fractional && /Integer|AutoField/.test(field.kind))) return new Value(side.value, valueOutputField(side.value));
  return new Value(side.value, field);
}

/** A value beside a column of another type: PostgreSQL would take the column's type for it (0.5 as integer fails). */
function castIfGuessed(side: Expression, other: Expression, c: Compiler): Sql {
  const field = side.outputField;
  if (!(side instanceof Value) || !field || !c.ops.castParameters || side.value === null) return side.compile(c);
  const otherKind = other.outputField?.kind;
  if (!otherKind || otherKind === field.kind || (/Integer|AutoField/.test(otherKind) && /Integer|AutoField/.test(field.kind))) return side.compile(c);
  const [sql, params] = side.compile(c);
  return [`CAST(${sql} AS ${castType(field.kind)})`, params];
}

const castType = (kind: string) => ({ FloatField: 'double precision', DecimalField: 'numeric', CharField: 'text', TextField: 'text', BooleanField: 'boolean' })[kind] ?? 'text';

/** Django's ExpressionWrapper: says what type an expression has (`outputField`) when it cannot be inferred. */
export class ExpressionWrapper extends Expression {
  constructor(
    readonly expression: Expression,
    outputField: Field,
  ) {
    super();
    this.outputField = outputField;
  }
  override sourceExpressions(): Expression[] {
    return [this.expression];
  }
  compile(c: Compiler): Sql {
    return this.expression.compile(c);
  }
  override resolve(query: Query, ctx: ResolveContext): Expression {
    return new ExpressionWrapper(this.expression.resolve(query, ctx), this.outputField!);
  }
}

/** An ORDER BY term. NULLS FIRST/LAST where the dialect has it, else emulated with IS NULL. */
export class OrderBy extends Expression {
  constructor(
    readonly expression: Expression,
    readonly descending: boolean,
    readonly nulls: { nullsFirst?: boolean; nullsLast?: boolean } = {},
  ) {
    super();
  }
  override sourceExpressions(): Expression[] {
    return [this.expression];
  }
  compile(c: Compiler): Sql {
    const [sql, params] = this.expression.compile(c);
    const dir = this.descending ? 'DESC' : 'ASC';
    const { nullsFirst, nullsLast } = this.nulls;
    if (!nullsFirst && !nullsLast) return [`${sql} ${dir}`, params];
    if (c.db.features.supportsNullsFirstLast) return [`${sql} ${dir} NULLS ${nullsFirst ? 'FIRST' : 'LAST'}`, params];
    return [`${sql} IS ${nullsFirst ? 'NOT ' : ''}NULL, ${sql} ${dir}`, [...params, ...params]];
  }
  override resolve(query: Query, ctx: ResolveContext): Expression {
    return new OrderBy(this.expression.resolve(query, ctx), this.descending, this.nulls);
  }
  reversed(): OrderBy {
    const { nullsFirst, nullsLast } = this.nulls;
    return new OrderBy(this.expression, !this.descending, { nullsFirst: nullsLast, nullsLast: nullsFirst });
  }
}

/** A raw SQL fragment (used by the engine for things like RANDOM()). */
export class RawSql extends Expression {
  constructor(
    readonly sql: string,
    readonly params: SqlValue[] = [],
  ) {
    super();
  }
  compile(): Sql {
    return [this.sql, this.params];
  }
}

/** ORDER BY '?': the dialect's random function. */
export class Random extends Expression {
  compile(c: Compiler): Sql {
    return [c.ops.randomFunction, []];
  }
}
