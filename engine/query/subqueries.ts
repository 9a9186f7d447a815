// Subquery, OuterRef and Exists (Django's expressions of the same names). The inner queryset
// is built first; OuterRef('pk') in it stands for a column of the query it will be placed in,
// resolved when the Subquery is (annotate, filter, update). Inside, tables are renamed U0, U1...
// so a subquery over the outer query's own table never confuses the two.
import { FieldError } from '../models/errors.ts';
import { BooleanField } from '../models/fields/scalar.ts';
import { Compiler } from './compiler.ts';
import { Expression, type ResolveContext, type Sql } from './expressions.ts';
import type { Query } from './query.ts';

/** A reference to the enclosing query's field: OuterRef('pk'), OuterRef('author__name'). */
export class OuterRefExpression extends Expression {
  constructor(readonly name: string) {
    super();
  }
  compile(): Sql {
    throw new FieldError(`OuterRef('${this.name}') must be used inside a Subquery or Exists placed in another query.`);
  }
  override resolve(query: Query): Expression {
    query.outerRefs.add(this.name);
    return new ResolvedOuterRef(this.name);
  }
  override toString(): string {
    return `OuterRef(${this.name})`;
  }
}

/** Django's OuterRef('pk'): a field of the query the Subquery or Exists is placed in. */
export function OuterRef(name: string): OuterRefExpression {
  return new OuterRefExpression(name);
}

/** An OuterRef seen by the inner query: compiled by the enclosing query's compiler. */
export class ResolvedOuterRef extends Expression {
  constructor(readonly name: string) {
    super();
  }
  compile(c: Compiler): Sql {
    const column = c.nested.outerRefs?.get(this.name);
    if (!column || !c.nested.outer) {
      throw new FieldError(`OuterRef('${this.name}') must be used inside a Subquery or Exists placed in another query.`);
    }
    return column.compile(c.nested.outer);
  }
}

interface QueryHolder {
  query: Query;
}

const LETTERS = 'UVWXYZ';

/** A SELECT in parentheses: one column (values('x')) and at most one row (slice(0, 1)) where a value is expected. */
export class Subquery extends Expression {
  readonly query: Query;
  protected outerColumns = new Map<string, Expression>();

  constructor(queryset: QueryHolder | Query) {
    super();
    this.query = ('query' in queryset ? queryset.query : queryset) as Query;
    if (!this.query.valuesSelect && !(this instanceof Exists)) {
      throw new FieldError('A Subquery must select one column: end its queryset with values(\'field\') (and slice(0, 1) for a single row).');
    }
    if (this.query.valuesSelect && this.query.valuesSelect.length > 1 && !(this instanceof Exists)) {
      throw new FieldError(`A Subquery must select one column; it selects ${this.query.valuesSelect.join(', ')}.`);
    }
  }

  override resolve(outer: Query, ctx: ResolveContext): Expression {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this)) as this, this);
    copy.outerColumns = new Map([...this.query.outerRefs].map((name) => [name, outer.resolveName(name, { ...ctx, allowJoins: true })]));
    if (!copy.outputField && this.query.valuesSelect) {
      const scratch = this.query.clone();
      copy.outputField = scratch.resolveName(this.query.valuesSelect[0]!, { allowJoins: true }).resolvedOutputField();
    }
    return copy;
  }

  protected compileInner(c: Compiler, query: Query): Sql {
    const depth = c.nested.relabel ? LETTERS.indexOf(c.nested.relabel) + 1 : 0;
    const inner = new Compiler(query, c.db, { outer: c, outerRefs: this.outerColumns, relabel: LETTERS[depth] ?? `U${depth}` });
    const compiled = inner.select();
    return [compiled.sql, compiled.params];
  }

  compile(c: Compiler): Sql {
    const [sql, params] = this.compileInner(c, this.query);
    return [`(${sql})`, params];
  }
}

/** EXISTS (SELECT 1 ... LIMIT 1): a boolean, usable in annotate() and directly in filter()/exclude(). */
export class Exists extends Subquery {
  constructor(
    queryset: QueryHolder | Query,
    /** NOT EXISTS: Django's `~Exists(...)`, usable in annotate() as well as in filter(). */
    readonly negated = false,
  ) {
    super(queryset);
    this.outputField = BooleanField();
  }

  override not(): Exists {
    return Object.assign(Object.create(Exists.prototype) as Exists, this, { negated: !this.negated });
  }

  override compile(c: Compiler): Sql {
    const q = this.query.clone();
    q.valuesSelect = null;
    q.annotations = new Map();
    q.ordering = [];
    q.defaultOrdering = false;
    if (!q.isSliced) q.high = 1;
    // Only the rows' existence matters: select a constant.
    q.extraSelect = [];
    const [sql, params] = this.compileInner(c, q);
    const constant = sql.replace(/^SELECT .*? FROM /s, `SELECT 1 AS ${c.qn('a')} FROM `);
    return [`${this.negated ? 'NOT ' : ''}EXISTS(${constant})`, params];
  }
}
