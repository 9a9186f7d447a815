// The schema editor (Django's BaseDatabaseSchemaEditor): CREATE and DROP the tables of a set
// of models — columns, keys, unique and check constraints, indexes, foreign keys and the join
// tables of many-to-many fields. What differs per database comes from `db.dialect.schema`
// (engine/db/<dialect>/schema-editor.ts). The migrations issue builds on this class.
import { router, type RoutedModel } from '../db/router.ts';
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { Compiler } from '../query/compiler.ts';
import { Query } from '../query/query.ts';
import { WhereNode } from '../query/where.ts';
import type { Q } from '../query/q.ts';
import type { Field } from './fields/field.ts';
import { ForeignKeyType } from './fields/related.ts';
import type { Options } from './options.ts';
import type { ModelClass } from './types.ts';

export class SchemaEditor {
  /** Statements that must wait until every table exists (foreign keys, indexes). */
  private readonly deferred: string[] = [];
  /** Every statement run, in order (lessons show them). */
  readonly executed: string[] = [];

  constructor(readonly db: Database) {}

  private qn(name: string): string {
    return this.db.quoteName(name);
  }

  private async run(sql: string): Promise<void> {
    this.executed.push(sql);
    await this.db.execute(sql);
  }

  /** The models plus the automatic join tables of their many-to-many fields. */
  static withJoinTables(models: ModelClass[]): Options[] {
    const metas: Options[] = [];
    for (const model of models) {
      const meta = model._meta;
      if (meta.abstract || meta.proxyFor) continue;
      if (!metas.includes(meta)) metas.push(meta);
      for (const m2m of meta.manyToMany) {
        const through = m2m.through._meta;
        if (!through.proxyFor && !metas.includes(through) && !m2m.options.through) metas.push(through);
      }
    }
    return metas;
  }

  async createModels(models: ModelClass[]): Promise<void> {
    for (const meta of SchemaEditor.withJoinTables(models)) await this.run(this.createTableSql(meta));
    for (const sql of this.deferred.splice(0)) await this.run(sql);
  }

  async deleteModels(models: ModelClass[]): Promise<void> {
    const tables = SchemaEditor.withJoinTables(models).reverse().map((m) => this.qn(m.dbTable));
    const statements = this.db.dialect.schema.dropTables(tables);
    await this.db.atomic(async () => {
      for (const sql of statements) await this.run(sql);
    });
  }

  createTableSql(meta: Options): string {
    const schema = this.db.dialect.schema;
    const table = this.qn(meta.dbTable);
    const parts = meta.localConcreteFields.map((f) => this.columnSql(meta, f));
    for (const names of meta.meta.uniqueTogether ?? []) {
      const columns = names.map((n) => meta.getField(n).column);
      parts.push(`CONSTRAINT ${this.qn(this.name(meta.dbTable, columns, 'uniq'))} UNIQUE (${columns.map((c) => this.qn(c)).join(', ')})`);
    }
    for (const constraint of meta.meta.constraints ?? []) {
      if (constraint.kind === 'check') {
        parts.push(`CONSTRAINT ${this.qn(constraint.name)} CHECK (${this.condition(meta, constraint.condition)})`);
      } else if (!constraint.condition) {
        const columns = constraint.fields.map((n) => this.qn(meta.getField(n).column));
        parts.push(`CONSTRAINT ${this.qn(constraint.name)} UNIQUE (${columns.join(', ')})`);
      } else if (this.db.features.supportsPartialIndexes) {
        const columns = constraint.fields.map((n) => this.qn(meta.getField(n).column));
        this.deferred.push(`CREATE UNIQUE INDEX ${this.qn(constraint.name)} ON ${table} (${columns.join(', ')}) WHERE ${this.condition(meta, constraint.condition)}`);
      }
      // A conditional UniqueConstraint on a database without partial indexes is skipped, as Django does.
    }
    if (!schema.inlineForeignKeys) {
      for (const fk of meta.foreignKeys.filter((f) => meta.localConcreteFields.includes(f))) {
        if (fk.options.dbConstraint === false) continue;
        const target = fk.relatedMeta.concrete;
        const name = this.name(meta.dbTable, [fk.column], 'fk');
        this.deferred.push(
          `ALTER TABLE ${table} ADD CONSTRAINT ${this.qn(name)} FOREIGN KEY (${this.qn(fk.column)}) ` +
            `REFERENCES ${this.qn(target.dbTable)} (${this.qn(fk.targetField.column)}) ${schema.foreignKeySuffix}`.trimEnd(),
        );
      }
    }
    for (const field of meta.localConcreteFields) {
      const indexed = (field.options.dbIndex || field instanceof ForeignKeyType) && !field.unique && !field.primaryKey;
      if (indexed) this.deferred.push(this.indexSql(meta, [field.column], this.name(meta.dbTable, [field.column], 'idx')));
    }
    for (const index of meta.meta.indexes ?? []) {
      const columns = index.fields.map((n) => {
        const desc = n.startsWith('-');
        return `${this.qn(meta.getField(desc ? n.slice(1) : n).column)}${desc ? ' DESC' : ''}`;
      });
      const name = index.name ?? this.name(meta.dbTable, index.fields.map((n) => n.replace('-', '')), 'idx');
      this.deferred.push(`CREATE INDEX ${this.qn(name)} ON ${table} (${columns.join(', ')})`);
    }
    return `CREATE TABLE ${table} (${parts.join(', ')})`;
  }

  columnSql(meta: Options, field: Field): string {
    const schema = this.db.dialect.schema;
    const name = this.qn(field.column);
    if (field.primaryKey && (field.kind === 'BigAutoField' || field.kind === 'AutoField')) {
      return `${name} ${schema.autoPrimaryKey(field.kind)}`;
    }
    const parts = [name, field.dbType(this.db), field.null ? 'NULL' : 'NOT NULL'];
    if (field.primaryKey) parts.push('PRIMARY KEY');
    else if (field.unique) parts.push('UNIQUE');
    if (field.kind === 'PositiveIntegerField') parts.push(`CHECK (${name} >= 0)`);
    if (field instanceof ForeignKeyType && schema.inlineForeignKeys && field.options.dbConstraint !== false) {
      const target = field.relatedMeta.concrete;
      parts.push(`REFERENCES ${this.qn(target.dbTable)} (${this.qn(field.targetField.column)}) ${schema.foreignKeySuffix}`.trimEnd());
    }
    void meta;
    return parts.join(' ');
  }

  private indexSql(meta: Options, columns: string[], name: string): string {
    return `CREATE INDEX ${this.qn(name)} ON ${this.qn(meta.dbTable)} (${columns.map((c) => this.qn(c)).join(', ')})`;
  }

  /** A Q as DDL text: unqualified columns, values as literals (DDL takes no parameters). */
  condition(meta: Options, q: Q): string {
    const query = new Query(meta.model);
    query.addFilter([q], false);
    const compiler = new Compiler(query, this.db);
    compiler.qualifyColumns = false;
    const [sql, params] = (query.where as WhereNode).compile(compiler);
    let i = 0;
    return sql.replace(/\?/g, () => this.db.dialect.schema.literal(params[i++]));
  }

  /** `<table>_<columns>_<suffix>`, shortened with a hash to fit every database's 63-character limit. */
  private name(table: string, columns: string[], suffix: string): string {
    const full = `${table}_${columns.join('_')}_${suffix}`;
    if (full.length <= 60) return full;
    const hash = createHash('md5').update(full).digest('hex').slice(0, 8);
    return `${full.slice(0, 60 - hash.length - 1)}_${hash}`;
  }
}

export async function createTables(db: Database, models: ModelClass[]): Promise<SchemaEditor> {
  const editor = new SchemaEditor(db);
  // Routers decide which tables belong on which database (allowMigrate).
  await editor.createModels(models.filter((m) => router.allowMigrate(db.alias, m as unknown as RoutedModel)));
  return editor;
}

export async function dropTables(db: Database, models: ModelClass[]): Promise<void> {
  await new SchemaEditor(db).deleteModels(models.filter((m) => router.allowMigrate(db.alias, m as unknown as RoutedModel)));
}
