// The clauses of a SELECT after its column list: DISTINCT (ON), FROM, WHERE, GROUP BY,
// HAVING, ORDER BY, LIMIT and FOR UPDATE, in the order SQL wants them. Parameters are
// collected in the same order as their placeholders appear in the text.
import type { SqlValue } from '../db/driver.ts';
import { NotSupportedError } from '../db/errors.ts';
import { Col, type Expression, type OrderBy, type Sql } from './expressions.ts';
import type { Compiler, SelectColumn } from './compiler.ts';
import { compileCombined } from './set-operations.ts';

export interface SelectParts {
  sql: string;
  params: SqlValue[];
}

const ctx = { allowJoins: true, outerIfNullable: true };

export function compileSelectParts(c: Compiler, columns: SelectColumn[]): SelectParts {
  const q = c.query;
  const select = columns.map((col) => (col.alias ? `${col.sql} AS ${c.qn(col.alias)}` : col.sql)).join(', ');
  const selectParams = columns.flatMap((col) => col.params);
  if (q.combinator) return compileCombined(c, select, selectParams);
  // Meta.ordering is not used in GROUP BY queries (Django 3.1+): it would change the groups.
  const terms: OrderBy[] = q.groupBy !== null && !q.ordering.length ? [] : q.orderingTerms();
  const ordering = terms.map((t) => t.compile(c));
  const distinct = distinctClause(c);
  const [where, whereParams] = q.where.compile(c);
  const [groupBy, groupParams] = q.groupBy !== null ? groupByClause(c, columns, terms) : ['', []];
  const [having, havingParams] = q.having.compile(c);
  const lock = forUpdateClause(c); // before FROM: OF may join
  const parts = [
    `SELECT ${distinct[0]}${select}`,
    c.from(),
    where && `WHERE ${where}`,
    groupBy && `GROUP BY ${groupBy}`,
    having && `HAVING ${having}`,
    ordering.length ? `ORDER BY ${ordering.map(([sql]) => sql).join(', ')}` : '',
    c.limit(),
    lock,
  ];
  const params = [...distinct[1], ...selectParams, ...whereParams, ...groupParams, ...havingParams, ...ordering.flatMap(([, p]) => p)];
  return { sql: parts.filter(Boolean).join(' '), params };
}

/** DISTINCT, or PostgreSQL's DISTINCT ON (fields): the first row of each group, by the ORDER BY. */
function distinctClause(c: Compiler): Sql {
  const q = c.query;
  if (q.distinctFields.length) {
    if (!c.db.features.supportsDistinctOn) {
      throw new NotSupportedError(
        `DISTINCT ON fields is not supported by ${c.db.vendor}: distinct(${q.distinctFields.map((f) => `'${f}'`).join(', ')}) works on PostgreSQL only. ` +
          'Elsewhere, use distinct() with values(), or a Subquery that picks one row per group.',
      );
    }
    const compiled = q.distinctFields.map((name) => q.resolveName(name, ctx).compile(c));
    return [`DISTINCT ON (${compiled.map(([sql]) => sql).join(', ')}) `, compiled.flatMap(([, p]) => p)];
  }
  return [q.distinct ? 'DISTINCT ' : '', []];
}

/**
 * GROUP BY every selected column that is not an aggregate, the model's columns when
 * annotate() came before values() (or without values()), the values() paths otherwise, and
 * the ORDER BY expressions. An expression carrying parameters is named by its position in the
 * SELECT list: PostgreSQL cannot tell that `$1` in SELECT and `$2` in GROUP BY are equal.
 */
function groupByClause(c: Compiler, columns: SelectColumn[], ordering: OrderBy[]): Sql {
  const q = c.query;
  const seen = new Set<string>();
  const terms: Sql[] = [];
  const add = (sql: string, params: SqlValue[], position?: number) => {
    const written = params.length && position !== undefined ? String(position) : sql;
    if (seen.has(sql) || seen.has(written)) return;
    if (params.length && position === undefined) return; // not selected and parameterized: cannot be matched
    seen.add(sql);
    terms.push([written, written === sql ? params : []]);
  };
  const expressions: Expression[] = [];
  if (q.groupBy === true) {
    for (const field of q.meta.concreteFields) expressions.push(new Col(q.ownerAlias(q.meta, field, q.baseAlias, ctx), field));
  } else {
    for (const path of q.groupBy ?? []) expressions.push(q.resolveName(path, ctx));
  }
  for (const expr of expressions) {
    if (expr.containsAggregate) continue;
    const [sql, params] = expr.compile(c);
    add(sql, params, columns.findIndex((col) => col.sql === sql) + 1 || undefined);
  }
  columns.forEach((col, index) => {
    if (!col.aggregate) add(col.sql, col.params, index + 1);
  });
  for (const term of ordering) {
    if (term.expression.containsAggregate) continue;
    const [sql, params] = term.expression.compile(c);
    add(sql, params, columns.findIndex((col) => col.sql === sql) + 1 || undefined);
  }
  return [terms.map(([sql]) => sql).join(', '), terms.flatMap(([, p]) => p)];
}

/** FOR UPDATE [OF ...] [NOWAIT | SKIP LOCKED]; nothing on SQLite, which locks the whole file instead. */
function forUpdateClause(c: Compiler): string {
  const q = c.query;
  const lock = q.selectForUpdate;
  const features = c.db.features;
  if (!lock || !features.hasSelectForUpdate) return '';
  const unsupported = (what: string) => new NotSupportedError(`${what} is not supported by ${c.db.vendor}.`);
  if (lock.nowait && !features.hasSelectForUpdateNowait) throw unsupported('selectForUpdate({ nowait: true })');
  if (lock.skipLocked && !features.hasSelectForUpdateSkipLocked) throw unsupported('selectForUpdate({ skipLocked: true })');
  if (lock.of.length && !features.hasSelectForUpdateOf) throw unsupported('selectForUpdate({ of })');
  const of = lock.of.map((name) => {
    if (name === 'self') return c.qn(c.aliasName(q.baseAlias));
    const end = q.setupJoins(name.split('__'), { allowJoins: true, keepLastJoin: true });
    return c.qn(c.aliasName(end.alias));
  });
  return [
    'FOR UPDATE',
    of.length ? `OF ${of.join(', ')}` : '',
    lock.nowait ? 'NOWAIT' : lock.skipLocked ? 'SKIP LOCKED' : '',
  ].filter(Boolean).join(' ');
}
