// The Query tree behind a QuerySet (Django's sql/query.py): the model, its joins, the WHERE
// tree, ordering, limits and what to select. Pure data plus the code that turns lookup
// strings into joins and lookup nodes; the compiler turns it into SQL per dialect.
import { FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { ForeignKeyType, ManyToManyFieldType } from '../models/fields/related.ts';
import type { Options } from '../models/options.ts';
import type { ModelClass } from '../models/types.ts';
import { Col, Expression, ExpressionWrapper, OrderBy, Random, type ResolveContext } from './expressions.ts';
import { In, IsNull, isTransformClass, type Lookup, type LookupClass } from './lookups.ts';
import { untypedField } from './output-field.ts';
import { Q } from './q.ts';
import { WhereNode, type WhereChild } from './where.ts';

export type JoinType = 'INNER JOIN' | 'LEFT OUTER JOIN';

export interface Join {
  alias: string;
  table: string;
  parentAlias: string;
  parentColumn: string;
  column: string;
  type: JoinType;
  /** parent alias + relation name: how a later condition finds this join again. */
  key: string;
  multivalued: boolean;
  nullable: boolean;
}

export type JoinContext = ResolveContext;

/** Where a chain of names ended: the field, the table alias it lives on, and what is left. */
export interface PathEnd {
  field: Field;
  alias: string;
  rest: string[];
  nullable: boolean;
  multivalued: boolean;
  meta: Options;
}

export type SelectRelatedTree = { [name: string]: SelectRelatedTree };

export class Query {
  joins: Join[] = [];
  where = new WhereNode();
  ordering: Array<string | OrderBy> = [];
  defaultOrdering = true;
  standardOrdering = true;
  low = 0;
  high: number | null = null;
  distinct = false;
  selectRelated: false | true | SelectRelatedTree = false;
  /** only(): load just these names; defer(): load all but these. The pk is always loaded. */
  deferred: { names: Set<string>; only: boolean } | null = null;
  /** values()/valuesList(): the paths selected, in order. */
  valuesSelect: string[] | null = null;
  /** Extra columns selected beside a model's (prefetch uses one for the key it groups by). */
  extraSelect: Array<{ key: string; path: string }> = [];
  /** Nothing can match (none()): no query is sent. */
  empty = false;
  /** annotate(): resolved expressions by alias, selected after the model's columns. */
  annotations = new Map<string, Expression>();
  /** alias(): annotations that filters and ordering may use but that are not selected. */
  aliasOnly = new Set<string>();
  /** GROUP BY: null (none), true (every selected model column), or the values() paths. */
  groupBy: null | true | string[] = null;
  /** Conditions on aggregates (HAVING), split from filter() calls that name them. */
  having = new WhereNode();
  /** Names OuterRef() asked for while this query was built: the enclosing query resolves them. */
  outerRefs = new Set<string>();
  /** selectForUpdate(): FOR UPDATE and its options. */
  selectForUpdate: { nowait: boolean; skipLocked: boolean; of: string[] } | null = null;
  /** distinct('a', 'b'): DISTINCT ON (PostgreSQL). */
  distinctFields: string[] = [];
  /** union() / intersection() / difference(): this query's rows combined with others'. */
  combinator: { kind: 'UNION' | 'INTERSECT' | 'EXCEPT'; all: boolean; queries: Query[] } | null = null;

  constructor(
    readonly model: ModelClass,
    /** Subqueries name their tables U0, U1... so they never clash with the outer query. */
    readonly aliasPrefix = '',
  ) {}

  get meta(): Options {
    return this.model._meta;
  }

  get baseAlias(): string {
    return this.aliasPrefix ? `${this.aliasPrefix}0` : this.meta.dbTable;
  }

  get isSliced(): boolean {
    return this.low !== 0 || this.high !== null;
  }

  clone(): Query {
    const copy = Object.assign(Object.create(Query.prototype) as Query, this);
    copy.joins = this.joins.map((j) => ({ ...j }));
    copy.ordering = [...this.ordering];
    copy.annotations = new Map(this.annotations);
    copy.aliasOnly = new Set(this.aliasOnly);
    copy.outerRefs = new Set(this.outerRefs);
    if (Array.isArray(this.groupBy)) copy.groupBy = [...this.groupBy];
    return copy;
  }

  // ——— joins ———

  private newAlias(table: string): string {
    if (this.aliasPrefix) return `${this.aliasPrefix}${this.joins.length + 1}`;
    const taken = table === this.baseAlias || this.joins.some((j) => j.alias === table);
    return taken ? `T${this.joins.length + 2}` : table;
  }

  private join(spec: Omit<Join, 'alias' | 'type'>, ctx: JoinContext): string {
    const parent = this.joins.find((j) => j.alias === spec.parentAlias);
    // Under OR / NOT a missing related row must not drop the row, so such joins are LEFT OUTER,
    // but only where a row can be missing: a required foreign key always finds its row, and
    // Django keeps that join INNER (its JoinPromoter promotes nullable joins only).
    const mayMiss = spec.nullable || spec.multivalued;
    const outer = (ctx.outer && mayMiss) || parent?.type === 'LEFT OUTER JOIN' || (ctx.outerIfNullable && spec.nullable);
    const existing = this.joins.find((j) => j.key === spec.key && (!j.multivalued || ctx.reuse?.has(j.alias) || !ctx.reuse));
    if (existing) {
      if (outer && existing.type === 'INNER JOIN' && (spec.nullable || spec.multivalued)) existing.type = 'LEFT OUTER JOIN';
      return existing.alias;
    }
    const alias = this.newAlias(spec.table);
    this.joins.push({ ...spec, alias, type: outer ? 'LEFT OUTER JOIN' : 'INNER JOIN' });
    ctx.reuse?.add(alias);
    return alias;
  }

  /**
   * Follow `names` from this query's model, joining each relation crossed. Stops at the
   * first plain field (what follows are lookups and transforms), or after a relation whose
   * own column answers the question (`author__id` compares `author_id`, no join).
   */
  setupJoins(names: string[], ctx: JoinContext): PathEnd {
    let meta = this.meta;
    let alias = this.baseAlias;
    let nullable = false;
    let multivalued = false;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const field = meta.findField(name);
      const reverse = field ? undefined : meta.findReverse(name);
      if (!field && !reverse) {
        throw new FieldError(`Cannot resolve keyword '${name}' into field. Choices are: ${meta.filterChoices().join(', ')}`);
      }
      const rest = names.slice(i + 1);
      if (field) alias = this.ownerAlias(meta, field, alias, ctx);
      if (field && !field.isRelation) return { field, alias, rest, nullable: nullable || field.null, multivalued, meta };
      if (field instanceof ForeignKeyType) {
        const target = field.relatedMeta;
        const next = rest[0];
        const nextIsTargetPk = next !== undefined && (next === 'pk' || next === target.pk.name);
        if (next !== undefined && !isName(target, next)) assertLookup(field, target, next);
        if (next === undefined ? !ctx.keepLastJoin : (nextIsTargetPk && !target.findReverse(next)) || !isName(target, next)) {
          return { field, alias, rest: nextIsTargetPk ? rest.slice(1) : rest, nullable: nullable || field.null, multivalued, meta };
        }
        assertJoinsAllowed(ctx, names);
        nullable ||= field.null;
        alias = this.join(
          { table: target.dbTable, parentAlias: alias, parentColumn: field.column, column: target.pk.column, key: `${alias}.${name}`, multivalued: false, nullable },
          ctx,
        );
        meta = target;
        if (rest.length === 0) return { field: meta.pk, alias, rest, nullable, multivalued, meta };
        continue;
      }
      if (field instanceof ManyToManyFieldType) {
        assertJoinsAllowed(ctx, names);
        const [source, target] = field.throughFields;
        const through = field.through._meta;
        const mid = this.join(
          { table: through.dbTable, parentAlias: alias, parentColumn: meta.pk.column, column: source.column, key: `${alias}.${name}`, multivalued: true, nullable: true },
          ctx,
        );
        alias = this.join(
          { table: field.relatedMeta.dbTable, parentAlias: mid, parentColumn: target.column, column: field.relatedMeta.pk.column, key: `${mid}.${name}`, multivalued: false, nullable: true },
          ctx,
        );
        meta = field.relatedMeta;
      } else if (reverse!.field instanceof ManyToManyFieldType) {
        assertJoinsAllowed(ctx, names);
        const m2m = reverse!.field;
        const [source, target] = m2m.throughFields;
        const mid = this.join(
          { table: m2m.through._meta.dbTable, parentAlias: alias, parentColumn: meta.pk.column, column: target.column, key: `${alias}.${name}`, multivalued: true, nullable: true },
          ctx,
        );
        meta = m2m.model._meta;
        alias = this.join(
          { table: meta.dbTable, parentAlias: mid, parentColumn: source.column, column: meta.pk.column, key: `${mid}.${name}`, multivalued: false, nullable: true },
          ctx,
        );
      } else {
        assertJoinsAllowed(ctx, names);
        const fk = reverse!.field as ForeignKeyType;
        const other = fk.model._meta;
        alias = this.join(
          { table: other.dbTable, parentAlias: alias, parentColumn: fk.targetField.column, column: fk.column, key: `${alias}.${name}`, multivalued: reverse!.multiple, nullable: true },
          ctx,
        );
        meta = other;
      }
      nullable = true;
      multivalued ||= reverse?.multiple ?? true;
      // After a relation, a lookup (or nothing) compares the related row's primary key.
      if (rest.length && !isName(meta, rest[0]!)) assertLookup(meta.pk, meta, rest[0]!);
      if (rest.length === 0 || !isName(meta, rest[0]!)) return { field: meta.pk, alias, rest, nullable, multivalued, meta };
    }
    throw new FieldError(`Cannot resolve '${names.join('__')}'.`);
  }

  /**
   * The alias of the table that holds `field`: `alias` itself, or (multi-table inheritance)
   * the parent tables joined through each `<parent>_ptr_id`.
   */
  ownerAlias(meta: Options, field: Field, alias: string, ctx: JoinContext): string {
    const owner = field.model?._meta?.concrete;
    let current = meta.concrete;
    while (owner && current !== owner && current.parentLink) {
      const link = current.parentLink;
      const parent = link.relatedMeta;
      alias = this.join(
        { table: parent.dbTable, parentAlias: alias, parentColumn: link.column, column: parent.pk.column, key: `${alias}.${link.name}`, multivalued: false, nullable: false },
        ctx,
      );
      current = parent;
    }
    return alias;
  }

  /** F('author__name') → the column, joined as needed. */
  resolveRef(name: string, ctx: JoinContext): Col {
    if (!ctx.allowJoins && name.includes('__')) {
      throw new FieldError(`Joined field references are not permitted in this query: F('${name}').`);
    }
    const end = this.setupJoins(name.split('__'), ctx);
    if (end.rest.length) throw new FieldError(`Cannot resolve keyword '${end.rest[0]}' into field. F('${name}') must name a field.`);
    return new Col(end.alias, end.field, end.nullable);
  }

  /** A name in an expression: an annotation's alias, else a field path (F('author__name')). */
  resolveName(name: string, ctx: JoinContext): Expression {
    return this.annotations.get(name) ?? this.resolveRef(name, ctx);
  }

  /** Does following `names` cross a many-valued relation (reverse FK, many-to-many)? No joins made. */
  crossesMultiValued(names: string[]): boolean {
    let meta = this.meta;
    for (const name of names) {
      const field = meta.findField(name);
      if (field instanceof ManyToManyFieldType) return true;
      if (field instanceof ForeignKeyType) {
        meta = field.relatedMeta;
        continue;
      }
      if (field) return false;
      const reverse = meta.findReverse(name);
      if (!reverse) return false;
      if (reverse.multiple) return true;
      meta = reverse.field.model._meta;
    }
    return false;
  }

  // ——— filters ———

  /** One filter()/exclude() call: its conditions may share multi-valued joins among themselves. */
  addFilter(args: Array<Q | Record<string, unknown> | Expression>, negate: boolean): void {
    let q = new Q();
    const expressions: WhereChild[] = [];
    for (const arg of args) {
      // A boolean expression (Exists, a comparison) filters by itself: filter(Exists(...)).
      if (arg instanceof Expression) expressions.push(arg.resolve(this, { allowJoins: true }));
      else q = q.and(arg instanceof Q ? arg : new Q(arg));
    }
    if (q.isEmpty && !expressions.length) return;
    const where: WhereChild[] = [...expressions];
    const having: WhereChild[] = [];
    // Conditions on aggregates go to HAVING; an AND of both kinds is split, as in Django.
    const parts = !negate && q.connector === 'AND' && !q.negated ? q.children.map((c) => (c instanceof Q ? c : new Q([c]))) : [q];
    const ctx: JoinContext = { allowJoins: true, reuse: new Set(), outer: false }; // one call shares its joins
    for (const part of parts) {
      if (part.isEmpty) continue;
      const node = this.buildWhere(negate ? part.not() : part, ctx, false);
      (this.qRefersToAggregate(part) ? having : where).push(node);
    }
    if (negate && expressions.length) where.splice(0, expressions.length, new WhereNode(expressions, 'AND', true));
    if (where.length) this.where = new WhereNode([...this.where.children, new WhereNode(where)]);
    if (having.length) this.having = new WhereNode([...this.having.children, new WhereNode(having)]);
  }

  /** A condition for Case/When or an aggregate's filter: built as filter() would, not added. */
  buildCondition(condition: Q | Record<string, unknown> | Expression, ctx: JoinContext): WhereChild {
    if (condition instanceof Expression) return condition.resolve(this, ctx);
    return this.buildWhere(condition instanceof Q ? condition : new Q(condition), { ...ctx, reuse: undefined }, false);
  }

  private qRefersToAggregate(q: Q): boolean {
    return q.children.some((c) =>
      c instanceof Q ? this.qRefersToAggregate(c)
      : c instanceof Expression ? c.containsAggregate
      : Boolean(this.annotations.get(c[0].split('__')[0]!)?.containsAggregate),
    );
  }

  buildWhere(q: Q, ctx: JoinContext, negated: boolean): WhereChild {
    const isNegated = negated !== q.negated;
    if (q.negated && this.qCrossesMultiValued(q)) return this.excludeBySubquery(q);
    const inner: JoinContext = { ...ctx, outer: ctx.outer || q.negated || (q.connector === 'OR' && q.children.length > 1) };
    const children = q.children.map((child) =>
      child instanceof Q ? this.buildWhere(child, inner, isNegated)
      : child instanceof Expression ? this.booleanCondition(child, inner)
      : this.buildLookup(child[0], child[1], inner, isNegated),
    );
    return new WhereNode(children, q.connector, q.negated);
  }

  private qCrossesMultiValued(q: Q): boolean {
    // An expression child (Exists...) keeps its rows in its own subquery: nothing to cross here.
    return q.children.some((c) => (c instanceof Q ? this.qCrossesMultiValued(c) : c instanceof Expression ? false : this.crossesMultiValued(c[0].split('__'))));
  }

  /** An expression placed among the conditions of a Q: it must be true or false by itself. */
  private booleanCondition(expression: Expression, ctx: JoinContext): WhereChild {
    const resolved = expression.resolve(this, ctx);
    if (!resolved.isCondition) {
      throw new TypeError(
        `${String(expression)} is a ${resolved.outputField!.kind}, not a condition: a Q holds lookups ({ views__gt: 10 }), other Qs or boolean expressions (Exists, ...). Compare it in a lookup instead.`,
      );
    }
    return resolved;
  }

  /** exclude() across a many-valued relation: NOT (pk IN (rows that match)), as Django does. */
  private excludeBySubquery(q: Q): WhereChild {
    const inner = new Query(this.model, this.aliasPrefix === 'U' ? 'V' : 'U');
    inner.addFilter([new Q(q.children, q.connector)], false);
    inner.valuesSelect = ['pk'];
    return new WhereNode([new In(new Col(this.baseAlias, this.meta.pk), { query: inner })], 'AND', true);
  }

  buildLookup(key: string, value: unknown, ctx: JoinContext, negated = false): WhereChild {
    const [first, ...others] = key.split('__');
    const annotation = this.annotations.get(first!);
    const end: Pick<PathEnd, 'field' | 'rest' | 'nullable'> & { alias?: string } = annotation
      ? { field: annotation.resolvedOutputField() ?? untypedField, rest: others, nullable: true }
      : this.setupJoins(key.split('__'), ctx);
    let lhs: Expression = annotation
      ? annotation.outputField ? annotation : new ExpressionWrapper(annotation, untypedField)
      : new Col(end.alias!, end.field, end.nullable);
    let lookupClass: LookupClass | undefined;
    end.rest.forEach((part, index) => {
      const entry = lhs.outputField?.getLookup(part);
      const fieldName = end.field.name;
      if (!entry || lookupClass) {
        const kind = lhs.outputField?.kind ?? 'expression';
        const supported = lhs.outputField?.lookupNames().join(', ') ?? '';
        throw new FieldError(`Unsupported lookup '${part}' for ${kind} '${fieldName}'. Lookups it supports: ${supported}.`);
      }
      if (isTransformClass(entry)) lhs = new entry(lhs);
      else if (index === end.rest.length - 1) lookupClass = entry as unknown as LookupClass;
      else throw new FieldError(`'${part}' is a lookup, so it must come last in '${key}'.`);
    });
    lookupClass ??= lhs.outputField!.getLookup('exact') as unknown as LookupClass;
    const rhs = value instanceof Expression ? value.resolve(this, ctx) : toKeys(value);
    const lookup: Lookup = new lookupClass(lhs, rhs);
    // NOT (col = x) drops rows where col is NULL; Django keeps them by adding IS NOT NULL inside.
    if (negated && end.nullable && lookupClass.lookupName !== 'isnull' && rhs !== null) {
      return new WhereNode([lookup, new IsNull(lhs, false)]);
    }
    return lookup;
  }

  // ——— ordering ———

  /** The ORDER BY terms, resolved (joins made), in the query's current direction. */
  orderingTerms(): OrderBy[] {
    const names = this.ordering.length ? this.ordering : this.defaultOrdering ? this.meta.ordering : [];
    const terms = names.map((item) => {
      if (item instanceof OrderBy) return item.resolve(this, { allowJoins: true, outerIfNullable: true }) as OrderBy;
      if (item === '?') return new OrderBy(new Random(), false);
      const descending = item.startsWith('-');
      const col = this.resolveName(descending ? item.slice(1) : item, { allowJoins: true, outerIfNullable: true });
      return new OrderBy(col, descending);
    });
    return this.standardOrdering ? terms : terms.map((t) => t.reversed());
  }
}

/** Is `name` a field or reverse relation of `meta` (rather than a lookup)? */
function isName(meta: Options, name: string): boolean {
  return name === 'pk' || meta.findField(name) !== undefined || meta.findReverse(name) !== undefined;
}

/** After a relation, a name that is neither a field of the target nor a lookup is a typo in a field name. */
function assertLookup(field: Field, target: Options, name: string): void {
  if (field.getLookup(name)) return;
  throw new FieldError(`Cannot resolve keyword '${name}' into field. Choices are: ${target.filterChoices().join(', ')}`);
}

/** Model instances in filter values stand for their primary keys. */
function toKeys(value: unknown): unknown {
  const pkOf = (v: unknown) => (v && typeof v === 'object' && '_meta' in (v.constructor as object) ? (v as { pk: unknown }).pk : v);
  if (Array.isArray(value)) return value.map(pkOf);
  return pkOf(value);
}

/** update() writes one table: a condition or value that reaches across a relation cannot be joined in. */
function assertJoinsAllowed(ctx: JoinContext, names: string[]): void {
  if (ctx.allowJoins) return;
  throw new FieldError(
    `Joined field references are not permitted in this query: '${names.join('__')}'. ` +
      'An update() writes one table; filter() the rows first (filters may cross relations), or use a Subquery for the value.',
  );
}
