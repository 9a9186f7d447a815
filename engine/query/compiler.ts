// Query → SQL text and parameters (Django's sql/compiler.py). One compiler for every dialect:
// what differs (operators, LIMIT, RANDOM, RETURNING...) comes from the dialect's
// `operations` and `features`, so a dialect "overrides" by data, not by subclassing.
import type { Database } from '../db/database.ts';
import type { Operations } from '../db/dialect.ts';
import type { SqlValue } from '../db/driver.ts';
import { FieldError } from '../models/errors.ts';
import type { Field } from '../models/fields/field.ts';
import { ForeignKeyType } from '../models/fields/related.ts';
import type { Options } from '../models/options.ts';
import type { Expression, Sql } from './expressions.ts';
import { compileSelectParts } from './select-parts.ts';
import type { Query, SelectRelatedTree } from './query.ts';

const SELECT_RELATED_MAX_DEPTH = 5;

/** How to turn a row back into objects: this model's columns, then each selectRelated child's. */
export interface KlassInfo {
  meta: Options;
  /** The row keys and fields of this model's columns. */
  columns: Array<{ key: string; field: Field }>;
  /** Related objects in the same row, cached on the instance under `cacheName`. */
  children: Array<{ cacheName: string; info: KlassInfo }>;
  /** annotate(): extra attributes set on the top-level instance. */
  annotations?: Array<{ key: string; field: Field | undefined }>;
}

export interface CompiledSelect {
  sql: string;
  params: SqlValue[];
  /** Model rows: how to build instances. */
  klassInfo?: KlassInfo;
  /** values(): the row keys in order, and the field that converts each. */
  valueKeys?: string[];
  valueFields?: Array<Field | undefined>;
  /** The SELECT list (set operations find ORDER BY positions in it). */
  columns?: SelectColumn[];
}

/** One term of the SELECT list: `sql AS alias`. */
export interface SelectColumn {
  sql: string;
  params: SqlValue[];
  alias?: string;
  /** An aggregate (COUNT...): left out of GROUP BY. */
  aggregate?: boolean;
}

/** A compiler for a query inside another (Subquery, Exists): its aliases and the outer query's columns. */
export interface NestedOptions {
  /** The enclosing query's compiler: OuterRef() columns compile there. */
  outer?: Compiler;
  /** Its OuterRef names, resolved against the enclosing query. */
  outerRefs?: Map<string, Expression>;
  /** Rename this query's tables to <letter>0, <letter>1... so they never clash with the outer query's. */
  relabel?: string;
}

export class Compiler {
  readonly ops: Operations;
  /** false in DDL (CHECK constraints): columns are written without their table. */
  qualifyColumns = true;

  constructor(
    readonly query: Query,
    readonly db: Database,
    readonly nested: NestedOptions = {},
  ) {
    this.ops = db.dialect.operations;
  }

  qn(name: string): string {
    return this.db.quoteName(name);
  }

  /** A table alias as written in this statement (relabelled inside a subquery). */
  aliasName(alias: string): string {
    const letter = this.nested.relabel;
    if (!letter) return alias;
    if (alias === this.query.baseAlias) return `${letter}0`;
    const index = this.query.joins.findIndex((j) => j.alias === alias);
    return index < 0 ? alias : `${letter}${index + 1}`;
  }

  /** SELECT ... for the query as it stands. */
  select(): CompiledSelect {
    const q = this.query.clone();
    const compiler = new Compiler(q, this.db, this.nested);
    return compiler.selectOwn();
  }

  private selectOwn(): CompiledSelect {
    const q = this.query;
    const columns: SelectColumn[] = [];
    let klassInfo: KlassInfo | undefined;
    let valueKeys: string[] | undefined;
    let valueFields: Array<Field | undefined> | undefined;
    const ctx = { allowJoins: true, outerIfNullable: true };
    if (q.valuesSelect) {
      valueKeys = [];
      valueFields = [];
      for (const path of q.valuesSelect) {
        const expr = q.resolveName(path, ctx);
        const [sql, params] = expr.compile(this);
        columns.push({ sql, params, alias: path, aggregate: expr.containsAggregate });
        valueKeys.push(path);
        valueFields.push(expr.resolvedOutputField());
      }
    } else {
      klassInfo = this.klassInfo(q.meta, q.baseAlias, '', q.selectRelated === false ? undefined : q.selectRelated, columns);
      for (const { key, path } of q.extraSelect) {
        const [sql] = q.resolveRef(path, { allowJoins: true }).compile(this);
        columns.push({ sql, params: [], alias: key });
      }
      klassInfo.annotations = [];
      for (const [alias, expr] of q.annotations) {
        if (q.aliasOnly.has(alias)) continue;
        const [sql, params] = expr.compile(this);
        columns.push({ sql, params, alias, aggregate: expr.containsAggregate });
        klassInfo.annotations.push({ key: alias, field: expr.resolvedOutputField() });
      }
    }
    const parts = compileSelectParts(this, columns);
    const result: CompiledSelect = { sql: parts.sql, params: parts.params, columns };
    if (klassInfo) result.klassInfo = klassInfo;
    if (valueKeys) {
      result.valueKeys = valueKeys;
      result.valueFields = valueFields;
    }
    return result;
  }

  private klassInfo(meta: Options, alias: string, prefix: string, related: true | SelectRelatedTree | undefined, out: SelectColumn[]): KlassInfo {
    const q = this.query;
    const loaded = prefix === '' ? this.loadedFields(meta) : meta.concreteFields;
    const columns = loaded.map((field) => {
      const key = prefix ? `${prefix}__${field.column}` : field.column;
      const owner = q.ownerAlias(meta, field, alias, { allowJoins: true, outerIfNullable: true });
      const col = `${this.qn(this.aliasName(owner))}.${this.qn(field.column)}`;
      out.push(prefix ? { sql: col, params: [], alias: key } : { sql: col, params: [] });
      return { key, field };
    });
    const info: KlassInfo = { meta, columns, children: [] };
    if (!related) return info;
    // selectRelated() with no names follows every non-null foreign key, and theirs in turn, down to
    // Django's max_depth of 5 (which also stops a chain of required keys that loops back).
    const depth = prefix ? prefix.split('__').length : 0;
    const names =
      related === true ? meta.foreignKeys.filter((f) => !f.null).map((f) => f.name) : Object.keys(related);
    for (const name of names) {
      const target = this.selectRelatedTarget(meta, name);
      const path = prefix ? `${prefix}__${name}` : name;
      const childAlias = q.setupJoins(path.split('__'), { allowJoins: true, outerIfNullable: true, keepLastJoin: true });
      const next = related === true ? (depth + 1 < SELECT_RELATED_MAX_DEPTH ? true : undefined) : related[name];
      const childInfo = this.klassInfo(target, childAlias.alias, path, next === true || (next && Object.keys(next).length) ? next : undefined, out);
      info.children.push({ cacheName: name, info: childInfo });
    }
    return info;
  }

  /** A forward foreign key or one-to-one, or the reverse side of a one-to-one (`player.profile`). */
  private selectRelatedTarget(meta: Options, name: string): Options {
    const field = meta.findField(name);
    if (field instanceof ForeignKeyType) return field.relatedMeta;
    const reverse = meta.findReverse(name);
    if (reverse && !reverse.multiple) return reverse.field.model._meta;
    const choices = [...meta.foreignKeys.map((f) => f.name), ...meta.reverseRelations.filter((r) => !r.multiple).map((r) => r.name)];
    throw new FieldError(
      `Invalid field name given in selectRelated: '${name}'. Choices are: ${choices.sort().join(', ') || '(none)'}. ` +
        'Many-valued relations (reverse foreign keys, many-to-many) need prefetchRelated.',
    );
  }

  /** The base model's fields after only()/defer() (the primary key is always loaded). */
  private loadedFields(meta: Options): Field[] {
    const deferred = this.query.deferred;
    const fields = meta.concreteFields;
    if (!deferred) return fields;
    return fields.filter((f) => f === meta.pk || deferred.names.has(f.name) === deferred.only);
  }

  from(): string {
    const q = this.query;
    const named = (table: string, alias: string) => {
      const written = this.aliasName(alias);
      return written === table ? this.qn(table) : `${this.qn(table)} ${this.qn(written)}`;
    };
    const base = named(q.meta.dbTable, q.baseAlias);
    const joins = q.joins.map((j) => {
      const on = `${this.qn(this.aliasName(j.parentAlias))}.${this.qn(j.parentColumn)} = ${this.qn(this.aliasName(j.alias))}.${this.qn(j.column)}`;
      return `${j.type} ${named(j.table, j.alias)} ON (${on})`;
    });
    return ['FROM', base, ...joins].join(' ');
  }

  limit(): string {
    const { low, high } = this.query;
    if (low === 0 && high === null) return '';
    return this.ops.limitOffset(high === null ? null : high - low, low);
  }

  /** A query used inside another: `x IN (SELECT ...)`; a model queryset gives its primary keys. */
  subquery(query: Query): Sql {
    const q = query.clone();
    if (!q.valuesSelect) q.valuesSelect = ['pk'];
    if (!q.isSliced) {
      q.ordering = [];
      q.defaultOrdering = false; // ORDER BY means nothing inside IN (...)
    }
    const inner = new Compiler(q, this.db).select();
    return [inner.sql, inner.params];
  }

  /** SELECT COUNT(*): over a subquery when DISTINCT or a slice must apply first. */
  count(): Sql {
    const q = this.query.clone();
    if (q.distinct || q.isSliced || q.groupBy || q.combinator || q.distinctFields.length) {
      const inner = new Compiler(q, this.db).select();
      return [`SELECT COUNT(*) AS ${this.qn('count')} FROM (${inner.sql}) ${this.qn('subquery')}`, inner.params];
    }
    const c = new Compiler(q, this.db);
    const [where, params] = q.where.compile(c);
    return [[`SELECT COUNT(*) AS ${this.qn('count')}`, c.from(), where && `WHERE ${where}`].filter(Boolean).join(' '), params];
  }

  /** SELECT 1 ... LIMIT 1. */
  exists(): Sql {
    const q = this.query.clone();
    if (q.groupBy || q.combinator) {
      const inner = new Compiler(q, this.db).select();
      return [`SELECT 1 AS ${this.qn('a')} FROM (${inner.sql}) ${this.qn('subquery')} ${this.ops.limitOffset(1, 0)}`, inner.params];
    }
    const c = new Compiler(q, this.db);
    const [where, params] = q.where.compile(c);
    const limit = q.isSliced ? c.limit() : this.ops.limitOffset(1, 0);
    return [[`SELECT 1 AS ${this.qn('a')}`, c.from(), where && `WHERE ${where}`, limit].filter(Boolean).join(' '), params];
  }

  /**
   * The WHERE of an UPDATE or DELETE. With joins it becomes `pk IN (SELECT pk ...)`. MySQL
   * refuses a subquery on the table being changed (error 1093; MariaDB ≥ 10.3.2 accepts it),
   * so on that dialect it is wrapped in a derived table, which both servers take.
   */
  rowFilter(): Sql {
    const q = this.query;
    if (q.joins.length === 0 && !q.isSliced) return q.where.compile(this);
    const inner = q.clone();
    inner.valuesSelect = ['pk'];
    inner.ordering = [];
    inner.defaultOrdering = false;
    const [sql, params] = this.subquery(inner);
    const pk = `${this.qn(q.meta.dbTable)}.${this.qn(q.meta.pk.column)}`;
    if (this.ops.derivedTableForSelfReference) {
      return [`${pk} IN (SELECT ${this.qn('pk')} FROM (${sql}) ${this.qn('subquery')})`, params];
    }
    return [`${pk} IN (${sql})`, params];
  }
}
