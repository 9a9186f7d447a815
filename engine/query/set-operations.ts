// union(), intersection(), difference(): SELECT ... UNION [ALL] SELECT ..., with ORDER BY and
// LIMIT applied to the combined rows. Each member is compiled without its own ordering (SQLite
// refuses ORDER BY inside a compound member); the combined ORDER BY names columns by position.
import { NotSupportedError } from '../db/errors.ts';
import { FieldError } from '../models/errors.ts';
import type { SqlValue } from '../db/driver.ts';
import { Compiler } from './compiler.ts';
import type { Query } from './query.ts';

/** A member of the compound statement: its rows, without ordering or limits of its own. */
function member(query: Query, combined = false): Query {
  const q = query.clone();
  if (combined) {
    q.low = 0; // the combined rows' slice applies after the set operation
    q.high = null;
  }
  if (q.isSliced) throw new NotSupportedError('A sliced queryset cannot be part of union(), intersection() or difference(): slice the combined result instead.');
  q.combinator = null;
  q.ordering = [];
  q.defaultOrdering = false;
  return q;
}

export function compileCombined(c: Compiler, _select: string, _selectParams: SqlValue[]): { sql: string; params: SqlValue[] } {
  const q = c.query;
  const { kind, all, queries } = q.combinator!;
  if (kind !== 'UNION' && !c.db.features.supportsIntersectExcept) {
    throw new NotSupportedError(`${kind === 'INTERSECT' ? 'intersection()' : 'difference()'} is not supported by ${c.db.vendor} (INTERSECT/EXCEPT need MariaDB ≥ 10.3 or MySQL ≥ 8.0.31).`);
  }
  const first = new Compiler(member(q, true), c.db);
  const compiled = [first.select(), ...queries.map((other) => new Compiler(member(other), c.db).select())];
  const keyword = `${kind}${all ? ' ALL' : ''}`;
  const params = compiled.flatMap((part) => part.params);
  // ORDER BY over the combined rows: each term is the position of its column in the first member.
  const columns = compiled[0]!.columns ?? [];
  const order = q.orderingTerms().map((term) => {
    const [sql] = term.expression.compile(first);
    const position = columns.findIndex((col) => col.sql === sql) + 1;
    if (!position) throw new FieldError(`Cannot order the combined rows by ${sql}: it is not one of their columns. Order by a selected column.`);
    return `${position} ${term.descending ? 'DESC' : 'ASC'}`;
  });
  const parts = [compiled.map((part) => part.sql).join(` ${keyword} `), order.length ? `ORDER BY ${order.join(', ')}` : '', c.limit()];
  return { sql: parts.filter(Boolean).join(' '), params };
}

/** A queryset, as far as combining goes. */
interface Combinable {
  query: Query;
  all(): this;
}

/** union / intersection / difference: the other querysets' queries become members of this one's. */
export function combine<QS extends Combinable>(qs: QS, kind: 'UNION' | 'INTERSECT' | 'EXCEPT', others: Array<Combinable | { all?: boolean }>): QS {
  const isQuerySet = (o: unknown): o is Combinable => typeof o === 'object' && o !== null && 'query' in o;
  const options = others.find((o): o is { all?: boolean } => !isQuerySet(o)) ?? {};
  const members = others.filter(isQuerySet);
  const copy = qs.all();
  if (copy.query.combinator) throw new NotSupportedError('Combine querysets in one call: a.union(b, c), not a.union(b).union(c).');
  copy.query.combinator = { kind, all: Boolean(options.all), queries: members.map((m) => m.query) };
  copy.query.ordering = [];
  copy.query.defaultOrdering = false;
  return copy;
}
