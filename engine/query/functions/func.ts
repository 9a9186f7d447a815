// Django's Func: a database function over expressions. Each function has a portable SQL
// spelling; where a dialect spells it differently, engine/db/<dialect>/functions.ts says how
// (Django keeps the same idea in as_sqlite / as_mysql / as_postgresql methods).
import type { Database } from '../../db/database.ts';
import { FieldError } from '../../models/errors.ts';
import type { Field } from '../../models/fields/field.ts';
import type { Compiler } from '../compiler.ts';
import { Expression, F, Value, type ResolveContext, type Sql } from '../expressions.ts';
import { commonOutputField } from '../output-field.ts';
import type { Query } from '../query.ts';

/**
 * How one dialect writes one function, from its compiled arguments. A spelling must use
 * each argument once and in order, so the bound parameters stay in step with the SQL.
 */
export type FunctionSpelling = (args: string[], fn: Func, db: Database) => string;

export type FunctionSpellings = Partial<Record<string, FunctionSpelling>>;

/** Django's rule: a string argument names a field (like F()); wrap literals in Value(). */
export function asArgument(arg: unknown): Expression {
  if (arg instanceof Expression) return arg;
  if (typeof arg === 'string') return F(arg);
  return new Value(arg);
}

export class Func extends Expression {
  readonly args: Expression[];

  constructor(
    /** Django's class name (Length, Concat...): the key into each dialect's spellings. */
    readonly name: string,
    /** The portable SQL function name, used where a dialect has no spelling of its own. */
    readonly sqlName: string,
    args: unknown[],
    outputField?: Field,
  ) {
    super();
    this.args = args.map(asArgument);
    this.outputField = outputField;
  }

  /** Set when the arguments' types differ and no outputField was given: raised when the type is needed. */
  protected mixedTypes: string | undefined;

  /**
   * The field that converts this function's values: the given one, else the arguments' common
   * type (plain values do not vote, as their type follows the column's).
   */
  protected inferOutput(): Field | undefined {
    if (this.outputField) return this.outputField;
    const result = commonOutputField(this.args.map((a) => (a instanceof Value ? a.outputField : a.resolvedOutputField())));
    this.mixedTypes = result.error;
    return result.field;
  }

  override resolvedOutputField(): Field | undefined {
    if (this.mixedTypes) throw new FieldError(this.mixedTypes);
    return this.outputField;
  }

  override sourceExpressions(): Expression[] {
    return this.args;
  }

  compile(c: Compiler): Sql {
    const compiled = this.args.map((a) => a.compile(c));
    const sqls = compiled.map(([sql]) => sql);
    const params = compiled.flatMap(([, p]) => p);
    const spelling = c.db.dialect.functions[this.name];
    return [spelling ? spelling(sqls, this, c.db) : `${this.sqlName}(${sqls.join(', ')})`, params];
  }

  override resolve(query: Query, ctx: ResolveContext): Expression {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    Object.assign(copy, this);
    (copy as { args: Expression[] }).args = this.args.map((a) => a.resolve(query, ctx));
    copy.outputField = copy.inferOutput();
    return copy;
  }

  override toString(): string {
    return `${this.name}(${this.args.map(String).join(', ')})`;
  }
}

export function requireArgs(name: string, args: unknown[], min: number): void {
  if (args.length < min) {
    throw new FieldError(`${name} takes at least ${min} expressions; it was given ${args.length}.`);
  }
}
