// annotate() and aggregate() (Django's query.add_annotation and get_aggregation). An
// annotation is resolved against the query when added (its joins made then, LEFT OUTER for
// relations); one that aggregates turns the query into a GROUP BY: by every model column, or
// by the values() paths when values() came first. aggregate() over a query that already
// groups (or is DISTINCT, or sliced) aggregates its rows in a subquery, as Django does.
import type { Database } from '../db/database.ts';
import { EmptyResultSet, FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { Aggregate } from './aggregates.ts';
import { Compiler } from './compiler.ts';
import { Expression, type Sql } from './expressions.ts';
import { Query } from './query.ts';

export type AnnotationArgs = Array<Expression | Record<string, Expression>>;

/** Named and positional (Count('posts') → 'posts__count') annotations, in order. */
export function namedExpressions(args: AnnotationArgs, what: string): Array<[string, Expression]> {
  const named: Array<[string, Expression]> = [];
  for (const arg of args) {
    if (arg instanceof Aggregate) named.push([arg.defaultAlias, arg]);
    else if (arg instanceof Expression) throw new TypeError(`${what}() needs a name for ${String(arg)}: ${what}({ name: expression }).`);
    else for (const [name, expr] of Object.entries(arg)) {
      if (!(expr instanceof Expression)) throw new TypeError(`${what}({ ${name}: ... }) takes an expression (F, Count, Value...), got ${JSON.stringify(expr)}.`);
      named.push([name, expr]);
    }
  }
  return named;
}

/** annotate(), or alias() with `select: false`: usable by name in filters and ordering, not selected. */
export function addAnnotations(q: Query, args: AnnotationArgs, { select = true } = {}): void {
  for (const [alias, expr] of namedExpressions(args, select ? 'annotate' : 'alias')) {
    if (q.meta.findField(alias) || q.meta.findReverse(alias) || alias === 'pk') {
      throw new FieldError(`The annotation '${alias}' conflicts with a field on the model ${q.meta.objectName}: choose another name.`);
    }
    if (alias in q.model.prototype) {
      // It would become an attribute of each instance: a getter or method of that name is in the way.
      throw new FieldError(`The annotation '${alias}' conflicts with an attribute of ${q.meta.objectName} instances (a method or getter): choose another name.`);
    }
    const resolved = expr.resolve(q, { allowJoins: true, outerIfNullable: true });
    resolved.resolvedOutputField(); // a mixed-type expression without outputField fails here, by name
    q.annotations.set(alias, resolved);
    if (select) q.aliasOnly.delete(alias);
    else q.aliasOnly.add(alias);
    if (q.valuesSelect && !q.valuesSelect.includes(alias)) {
      if (resolved.containsAggregate && q.groupBy === null) q.groupBy = q.valuesSelect.filter((p) => !q.annotations.get(p)?.containsAggregate);
      if (select) q.valuesSelect = [...q.valuesSelect, alias];
    } else if (resolved.containsAggregate && q.groupBy === null) {
      q.groupBy = true;
    }
  }
}

/** aggregate(): one row of results, converted by each aggregate's output field. */
export async function aggregate(query: Query, db: Database, args: AnnotationArgs): Promise<Record<string, unknown>> {
  const named = namedExpressions(args, 'aggregate');
  for (const [name, expr] of named) {
    if (!expr.containsAggregate) throw new TypeError(`aggregate({ ${name}: ... }) must be an aggregate expression (Count, Sum, Avg...).`);
  }
  const empty = () => Object.fromEntries(named.map(([name, expr]) => [name, emptyValue(expr)]));
  if (query.empty) return empty();
  let sql: Sql;
  let fields: Array<Field | undefined>;
  try {
    [sql, fields] = needsSubquery(query) ? overSubquery(query, db, named) : direct(query, db, named);
  } catch (err) {
    if (err instanceof EmptyResultSet) return empty();
    throw err;
  }
  const row = (await db.query(sql[0], sql[1]))[0] ?? {};
  return Object.fromEntries(named.map(([name], i) => {
    const value = row[name];
    return [name, value === null || value === undefined ? null : fields[i] ? fields[i]!.fromDb(value, db) : value];
  }));
}

function emptyValue(expr: Expression): unknown {
  return expr instanceof Aggregate ? expr.emptyValue : null;
}

function needsSubquery(q: Query): boolean {
  return q.groupBy !== null || q.distinct || q.isSliced || q.distinctFields.length > 0 || q.combinator !== null;
}

/** SELECT SUM(...) AS "total" FROM ... WHERE ...: the annotations already on the query may be named. */
function direct(query: Query, db: Database, named: Array<[string, Expression]>): [Sql, Array<Field | undefined>] {
  const q = query.clone();
  const resolved = named.map(([name, expr]) => [name, expr.resolve(q, { allowJoins: true, outerIfNullable: true })] as const);
  const c = new Compiler(q, db);
  const columns = resolved.map(([name, expr]) => {
    const [sql, params] = expr.compile(c);
    return [`${sql} AS ${c.qn(name)}`, params] as Sql;
  });
  const [where, whereParams] = q.where.compile(c);
  const text = [`SELECT ${columns.map(([s]) => s).join(', ')}`, c.from(), where && `WHERE ${where}`].filter(Boolean).join(' ');
  return [[text, [...columns.flatMap(([, p]) => p), ...whereParams]], resolved.map(([, e]) => e.resolvedOutputField())];
}

/**
 * SELECT SUM("n") FROM (SELECT ..., COUNT(...) AS "n" ... GROUP BY ...) subquery: the inner
 * query's columns are named by alias (annotations, values() paths) or by column (model fields).
 */
function overSubquery(query: Query, db: Database, named: Array<[string, Expression]>): [Sql, Array<Field | undefined>] {
  const inner = query.clone();
  inner.selectRelated = false;
  inner.aliasOnly = new Set(); // the outer SELECT may aggregate over an alias() too
  if (!inner.isSliced) {
    inner.ordering = [];
    inner.defaultOrdering = false;
  }
  const compiled = new Compiler(inner, db).select();
  const outer = new Query(query.model);
  const scratch = query.clone();
  for (const field of query.meta.concreteFields) {
    const ref = new DerivedColumn(field.column, field);
    outer.annotations.set(field.name, ref);
    outer.annotations.set(field.attname, ref);
  }
  for (const [alias, expr] of query.annotations) outer.annotations.set(alias, new DerivedColumn(alias, expr.resolvedOutputField()));
  for (const path of query.valuesSelect ?? []) {
    if (!query.annotations.has(path)) outer.annotations.set(path, new DerivedColumn(path, scratch.resolveName(path, { allowJoins: true }).resolvedOutputField()));
  }
  const resolved = named.map(([name, expr]) => [name, expr.resolve(outer, { allowJoins: false })] as const);
  const c = new Compiler(outer, db);
  const columns = resolved.map(([name, expr]) => {
    const [sql, params] = expr.compile(c);
    return [`${sql} AS ${c.qn(name)}`, params] as Sql;
  });
  const text = `SELECT ${columns.map(([s]) => s).join(', ')} FROM (${compiled.sql}) ${c.qn('subquery')}`;
  return [[text, [...columns.flatMap(([, p]) => p), ...compiled.params]], resolved.map(([, e]) => e.resolvedOutputField())];
}

/** A column of the derived table in aggregate()'s subquery form. */
class DerivedColumn extends Expression {
  constructor(
    readonly name: string,
    field: Field | undefined,
  ) {
    super();
    this.outputField = field;
  }
  compile(c: Compiler): [string, []] {
    return [`${c.qn('subquery')}.${c.qn(this.name)}`, []];
  }
}
