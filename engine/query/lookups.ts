// Lookups (`name__icontains`) and transforms (`createdAt__year`) as small registered classes,
// as in Django's lookups.py. The SQL operator of each built-in lookup comes from the dialect's
// `operators` table (engine/db/<dialect>/operations.ts); that table is where SQLite's
// case-insensitive LIKE and MySQL's LIKE BINARY live. Register your own with
// `Field.registerLookup(MyLookup)` (see the `ne` example in the tests).
import type { SqlValue } from '../db/driver.ts';
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import { Field } from '../models/fields/field.ts';
import { IntegerFieldType } from '../models/fields/scalar.ts';
import { DateFieldType, DateTimeFieldType } from '../models/fields/temporal.ts';
import type { Compiler } from './compiler.ts';
import { Expression, type Sql } from './expressions.ts';
import type { WhereChild } from './where.ts';

export interface LookupClass {
  lookupName: string;
  new (lhs: Expression, rhs: unknown): Lookup;
}

export interface TransformClass {
  lookupName: string;
  isTransform: true;
  new (lhs: Expression): Transform;
}

export abstract class Lookup implements WhereChild {
  static lookupName = '';

  constructor(
    readonly lhs: Expression,
    readonly rhs: unknown,
  ) {}

  get lookupName(): string {
    return (this.constructor as LookupClass).lookupName;
  }

  get field(): Field | undefined {
    return this.lhs.outputField;
  }

  processLhs(c: Compiler): Sql {
    return this.lhs.compile(c);
  }

  /** A value becomes one bound parameter, checked and converted by the left side's field. */
  processRhs(c: Compiler, value: unknown = this.rhs): Sql {
    if (value instanceof Expression) return value.compile(c);
    return ['?', [this.prepare(c, value)]];
  }

  prepare(c: Compiler, value: unknown): SqlValue {
    const field = this.field;
    return field ? field.toDb(field.toPython(value), c.db) : (value as SqlValue);
  }

  abstract compile(c: Compiler): Sql;
}

/** A lookup whose operator comes from the dialect's table. */
export class BuiltinLookup extends Lookup {
  compile(c: Compiler): Sql {
    const [lhs, lp] = this.processLhs(c);
    const [rhs, rp] = this.processRhs(c);
    const wrap = c.ops.lookupLhs?.[this.lookupName];
    const operator = c.ops.operators[this.lookupName]!;
    return [`${wrap ? wrap(lhs) : lhs} ${operator.replace('%s', rhs)}`, [...lp, ...rp]];
  }
}

export class Exact extends BuiltinLookup {
  static override lookupName = 'exact';
  override compile(c: Compiler): Sql {
    if (this.rhs === null) return new IsNull(this.lhs, true).compile(c);
    return super.compile(c);
  }
}
export class IExact extends BuiltinLookup {
  static override lookupName = 'iexact';
  override prepare(c: Compiler, value: unknown): SqlValue {
    const v = super.prepare(c, value);
    return c.ops.operators.iexact!.includes('LIKE') && typeof v === 'string' ? escapeLike(v) : v;
  }
}
export class GreaterThan extends BuiltinLookup {
  static override lookupName = 'gt';
}
export class GreaterThanOrEqual extends BuiltinLookup {
  static override lookupName = 'gte';
}
export class LessThan extends BuiltinLookup {
  static override lookupName = 'lt';
}
export class LessThanOrEqual extends BuiltinLookup {
  static override lookupName = 'lte';
}
export class Regex extends BuiltinLookup {
  static override lookupName = 'regex';
}
export class IRegex extends BuiltinLookup {
  static override lookupName = 'iregex';
}

/** `%` and `_` in the value match themselves: they are escaped before the wildcards are added. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

abstract class PatternLookup extends BuiltinLookup {
  protected abstract pattern(escaped: string): string;
  override processRhs(c: Compiler): Sql {
    if (this.rhs instanceof Expression) throw new FieldError(`The ${this.lookupName} lookup takes a value, not an expression.`);
    if (this.rhs === null) throw new TypeError(`The ${this.lookupName} lookup does not take null; use isnull.`);
    return ['?', [this.pattern(escapeLike(String(this.prepare(c, this.rhs))))]];
  }
}
export class Contains extends PatternLookup {
  static override lookupName = 'contains';
  protected pattern = (v: string) => `%${v}%`;
}
export class IContains extends Contains {
  static override lookupName = 'icontains';
}
export class StartsWith extends PatternLookup {
  static override lookupName = 'startswith';
  protected pattern = (v: string) => `${v}%`;
}
export class IStartsWith extends StartsWith {
  static override lookupName = 'istartswith';
}
export class EndsWith extends PatternLookup {
  static override lookupName = 'endswith';
  protected pattern = (v: string) => `%${v}`;
}
export class IEndsWith extends EndsWith {
  static override lookupName = 'iendswith';
}

/** A list (empty: matches nothing, no query is sent) or a queryset (a subquery). */
export class In extends Lookup {
  static override lookupName = 'in';
  compile(c: Compiler): Sql {
    const [lhs, lp] = this.processLhs(c);
    const rhs = this.rhs as { query?: unknown } | Iterable<unknown>;
    if (rhs && typeof rhs === 'object' && 'query' in rhs && rhs.query) {
      const [sub, sp] = c.subquery(rhs.query as never);
      return [`${lhs} IN (${sub})`, [...lp, ...sp]];
    }
    if (typeof rhs === 'string' || !rhs || typeof (rhs as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      throw new TypeError(`The 'in' lookup takes a list or a queryset, got ${JSON.stringify(rhs)}.`);
    }
    const values = [...new Set([...(rhs as Iterable<unknown>)].filter((v) => v !== null))];
    if (values.length === 0) throw new EmptyResultSet();
    const params = values.map((v) => this.prepare(c, v));
    return [`${lhs} IN (${params.map(() => '?').join(', ')})`, [...lp, ...params]];
  }
}

export class Range extends Lookup {
  static override lookupName = 'range';
  compile(c: Compiler): Sql {
    if (!Array.isArray(this.rhs) || this.rhs.length !== 2) throw new TypeError(`The 'range' lookup takes [low, high].`);
    const [lhs, lp] = this.processLhs(c);
    const [low, lowP] = this.processRhs(c, this.rhs[0]);
    const [high, highP] = this.processRhs(c, this.rhs[1]);
    return [`${lhs} BETWEEN ${low} AND ${high}`, [...lp, ...lowP, ...highP]];
  }
}

export class IsNull extends Lookup {
  static override lookupName = 'isnull';
  compile(c: Compiler): Sql {
    if (typeof this.rhs !== 'boolean') throw new TypeError(`The 'isnull' lookup takes true or false, got ${JSON.stringify(this.rhs)}.`);
    const [lhs, lp] = this.processLhs(c);
    return [`${lhs} IS ${this.rhs ? '' : 'NOT '}NULL`, lp];
  }
}

/** A transform wraps the left side: `createdAt__year` is EXTRACT(YEAR FROM ...). */
export abstract class Transform extends Expression {
  static lookupName = '';
  static readonly isTransform = true;
  constructor(readonly lhs: Expression) {
    super();
  }
}

const integerOutput = new IntegerFieldType();
const dateOutput = new DateFieldType();

abstract class Extract extends Transform {
  protected abstract part: 'year' | 'month' | 'day';
  override outputField: Field = integerOutput;
  compile(c: Compiler): Sql {
    const [sql, params] = this.lhs.compile(c);
    return [c.ops.extract(this.part, sql), params];
  }
}
export class ExtractYear extends Extract {
  static override lookupName = 'year';
  protected part = 'year' as const;
}
export class ExtractMonth extends Extract {
  static override lookupName = 'month';
  protected part = 'month' as const;
}
export class ExtractDay extends Extract {
  static override lookupName = 'day';
  protected part = 'day' as const;
}
export class TruncDateTransform extends Transform {
  static override lookupName = 'date';
  override outputField: Field = dateOutput;
  compile(c: Compiler): Sql {
    const [sql, params] = this.lhs.compile(c);
    return [c.ops.castDate(sql), params];
  }
}

for (const lookup of [Exact, IExact, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual, Contains, IContains,
  StartsWith, IStartsWith, EndsWith, IEndsWith, In, Range, IsNull, Regex, IRegex]) {
  Field.registerLookup(lookup);
}
for (const transform of [ExtractYear, ExtractMonth, ExtractDay]) {
  DateFieldType.registerLookup(transform);
  DateTimeFieldType.registerLookup(transform);
}
DateTimeFieldType.registerLookup(TruncDateTransform);

export function isTransformClass(entry: unknown): entry is TransformClass {
  return typeof entry === 'function' && (entry as { isTransform?: boolean }).isTransform === true;
}
