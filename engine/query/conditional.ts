// Case/When (Django's conditional expressions): CASE WHEN <condition> THEN <value> ... ELSE
// <default> END. A condition is written as filter() takes it ({ views__gt: 100 }, a Q, or a
// boolean expression such as Exists); a result is a value or an expression (a string names a field).
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { CastFunc } from './functions/comparison.ts';
import { asArgument } from './functions/func.ts';
import type { Compiler } from './compiler.ts';
import { Expression, Value, type ResolveContext, type Sql } from './expressions.ts';
import { commonOutputField, valueOutputField } from './output-field.ts';
import { Q } from './q.ts';
import type { Query } from './query.ts';
import type { WhereChild } from './where.ts';

type Condition = Q | Record<string, unknown> | Expression;

export class When extends Expression {
  readonly result: Expression;
  private resolvedCondition: WhereChild | null = null;

  constructor(
    readonly condition: Condition,
    then: unknown,
  ) {
    super();
    if (!(condition instanceof Q || condition instanceof Expression) && Object.keys(condition).length === 0) {
      throw new TypeError('When() needs a condition: a lookup object, a Q or a boolean expression.');
    }
    this.result = asArgument(then);
    this.outputField = this.result.outputField;
  }

  override sourceExpressions(): Expression[] {
    return [this.result];
  }

  override resolve(query: Query, ctx: ResolveContext): Expression {
    const copy = new When(this.condition, this.result.resolve(query, ctx));
    // Joins as the context allows: none inside update(), which writes a single table.
    copy.resolvedCondition = query.buildCondition(this.condition, ctx);
    copy.outputField = copy.result.outputField;
    return copy;
  }

  compile(c: Compiler): Sql {
    if (!this.resolvedCondition) throw new Error('When() was compiled before being resolved against a query.');
    const [cond, cp] = this.resolvedCondition.compile(c);
    const [result, rp] = typedResult(this.result, this.outputField, c);
    return [`WHEN ${cond || '1 = 1'} THEN ${result}`, [...cp, ...rp]];
  }
}

export class Case extends Expression {
  readonly whens: When[];
  readonly fallback: Expression;
  private mixedTypes: string | undefined;

  constructor(...args: Array<When | { default?: unknown; outputField?: Field }>) {
    super();
    const last = args[args.length - 1];
    const options = last && !(last instanceof When) ? (args.pop() as { default?: unknown; outputField?: Field }) : {};
    if (args.some((w) => !(w instanceof When))) throw new TypeError('Case() takes When() objects, then an optional { default, outputField }.');
    this.whens = args as When[];
    this.fallback = options.default === undefined ? new Value(null) : asArgument(options.default);
    this.outputField = options.outputField;
  }

  override sourceExpressions(): Expression[] {
    return [...this.whens, this.fallback];
  }

  override resolve(query: Query, ctx: ResolveContext): Expression {
    const copy = Object.assign(Object.create(Case.prototype) as Case, this);
    (copy as { whens: When[] }).whens = this.whens.map((w) => w.resolve(query, ctx) as When);
    (copy as { fallback: Expression }).fallback = this.fallback.resolve(query, ctx);
    if (!this.outputField) {
      // Django's rule: the branches' common type; plain values vote by their JavaScript type.
      const types = [...copy.whens.map((w) => w.result), copy.fallback].map((e) => (e instanceof Value ? e.resolvedOutputField() : e.resolvedOutputField()));
      const common = commonOutputField(types);
      copy.outputField = common.field;
      copy.mixedTypes = common.error;
    }
    for (const when of copy.whens) when.outputField = copy.outputField;
    return copy;
  }

  override resolvedOutputField(): Field | undefined {
    if (this.mixedTypes) throw new FieldError(this.mixedTypes);
    return this.outputField;
  }

  compile(c: Compiler): Sql {
    const parts: Sql[] = [];
    for (const when of this.whens) {
      try {
        parts.push(when.compile(c));
      } catch (err) {
        if (!(err instanceof EmptyResultSet)) throw err; // a When that matches nothing is left out
      }
    }
    const [fallback, fp] = typedResult(this.fallback, this.outputField, c);
    if (!parts.length) return [fallback, fp];
    return [`CASE ${parts.map(([sql]) => sql).join(' ')} ELSE ${fallback} END`, [...parts.flatMap(([, p]) => p), ...fp]];
  }
}

/**
 * A bound value in a THEN/ELSE. PostgreSQL types an untyped parameter in CASE as text, so a
 * number would come back as '1' (or fail against an integer column): there it is cast.
 */
function typedResult(result: Expression, field: Field | undefined, c: Compiler): Sql {
  if (!(result instanceof Value) || result.value === null || !c.ops.castParameters) return result.compile(c);
  const target = field ?? valueOutputField(result.value);
  if (!target) return result.compile(c);
  return new CastFunc(new Value(result.value, target), target).compile(c);
}
