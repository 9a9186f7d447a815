// Relations: ForeignKey (a `<name>_id` column and a `<name>Id` attribute), OneToOneField (a
// unique ForeignKey whose reverse side is one object) and ManyToManyField (no column: a join
// table, made automatically or given as `through`). Targets may be named lazily — a function
// `() => Author` or a label 'blog.Author' — so two models can point at each other.
import type { Database } from '../../db/database.ts';
import type { SqlValue } from '../../db/driver.ts';
import { FieldError } from '../errors.ts';
import type { Options } from '../options.ts';
import { apps } from '../registry.ts';
import type { ModelClass } from '../types.ts';
import { Field, snakeCase, type FieldOptions, type TypedField } from './field.ts';

export const CASCADE = 'CASCADE';
export const PROTECT = 'PROTECT';
export const RESTRICT = 'RESTRICT';
export const SET_NULL = 'SET_NULL';
export const SET_DEFAULT = 'SET_DEFAULT';
export const DO_NOTHING = 'DO_NOTHING';
export type OnDelete = 'CASCADE' | 'PROTECT' | 'RESTRICT' | 'SET_NULL' | 'SET_DEFAULT' | 'DO_NOTHING';

export type ModelRef = (() => ModelClass) | string;

export interface RelatedOptions extends FieldOptions<unknown> {
  /** The attribute on the target for the way back: `author.posts`. */
  relatedName?: string;
  /** The name used in filters the way back: `Author.objects.filter({ posts__title: ... })`. */
  relatedQueryName?: string;
}

export interface ForeignKeyOptions extends RelatedOptions {
  onDelete: OnDelete;
  /** false: no FOREIGN KEY constraint in the database. */
  dbConstraint?: boolean;
}

abstract class RelatedField extends Field<unknown> {
  override readonly isRelation = true;
  declare readonly options: RelatedOptions;
  private resolved: ModelClass | undefined;

  constructor(
    private readonly to: ModelRef,
    options: RelatedOptions,
  ) {
    super(options);
  }

  /** The model this field points at, resolved on first use. */
  get relatedModel(): ModelClass {
    if (!this.resolved) {
      const target = typeof this.to === 'function' ? this.to() : apps.getModel(this.to, this.model._meta);
      if (!target?._meta) throw new FieldError(`${this.label} points at a model that is not defined yet.`);
      apps.claim(target);
      this.resolved = target._meta.model;
    }
    return this.resolved;
  }

  get relatedMeta(): Options {
    return this.relatedModel._meta;
  }

  /** Django's related_query_name: the relation's name when filtering from the target. */
  get relatedQueryName(): string {
    return this.options.relatedQueryName ?? this.options.relatedName ?? lowerFirst(this.model._meta.objectName);
  }

  abstract get relatedAccessorName(): string;
}

export class ForeignKeyType extends RelatedField {
  kind = 'ForeignKey';
  declare readonly options: ForeignKeyOptions;
  readonly manyToMany: boolean = false;
  readonly oneToOne: boolean = false;

  override contribute(model: ModelClass, name: string): void {
    super.contribute(model, name);
    this.attname = `${name}Id`;
    this.column = this.options.dbColumn ?? `${snakeCase(name)}_id`;
  }

  get onDelete(): OnDelete {
    return this.options.onDelete;
  }

  /** `author.postSet` unless relatedName says otherwise (Django's post_set). */
  get relatedAccessorName(): string {
    return this.options.relatedName ?? `${lowerFirst(this.model._meta.objectName)}Set`;
  }

  get targetField(): Field {
    return this.relatedMeta.pk;
  }

  override dbType(db: Database): string {
    const target = this.targetField;
    // An auto key's column is an identity/serial; a reference to it is a plain integer.
    if (target.kind === 'BigAutoField') return db.dialect.schema.columnType({ kind: 'BigIntegerField' });
    if (target.kind === 'AutoField') return db.dialect.schema.columnType({ kind: 'IntegerField' });
    return target.dbType(db);
  }

  override toPython(value: unknown): unknown {
    if (value && typeof value === 'object' && '_meta' in (value.constructor as object)) return (value as { pk: unknown }).pk;
    return this.targetField.toPython(value);
  }

  override toDb(value: unknown, db: Database): SqlValue {
    return this.targetField.toDb(value, db);
  }

  override fromDb(value: unknown, db: Database): unknown {
    return this.targetField.fromDb(value, db);
  }

  /** Django's rule: an empty relation needs null: true in the database and blank: true to pass fullClean. */
  override validate(value: unknown): string[] {
    if (value === null || value === undefined) {
      return !this.null ? ['This field cannot be null.'] : !this.blank ? ['This field cannot be blank.'] : [];
    }
    return [];
  }
}

export class OneToOneFieldType extends ForeignKeyType {
  override kind = 'OneToOneField';
  override readonly oneToOne = true;
  override get unique(): boolean {
    return true;
  }
  /** `user.profile`: the reverse side is a single object. */
  override get relatedAccessorName(): string {
    return this.options.relatedName ?? lowerFirst(this.model._meta.objectName);
  }
}

export interface ManyToManyOptions extends RelatedOptions {
  /** A model of your own for the join table, with a ForeignKey to each side. */
  through?: ModelRef;
  dbTable?: string;
}

export class ManyToManyFieldType extends RelatedField {
  kind = 'ManyToManyField';
  override readonly concrete = false;
  readonly manyToMany = true;
  declare readonly options: ManyToManyOptions;
  private throughModel: ModelClass | undefined;

  get relatedAccessorName(): string {
    return this.options.relatedName ?? `${lowerFirst(this.model._meta.objectName)}Set`;
  }

  /** The join table's model: the `through` one, or one made on first use. */
  get through(): ModelClass {
    if (!this.throughModel) {
      const given = this.options.through;
      this.throughModel = given
        ? typeof given === 'function'
          ? given()
          : apps.getModel(given, this.model._meta)
        : apps.makeThroughModel(this);
    }
    return this.throughModel;
  }

  /** The ForeignKey on the through model pointing back at this field's model, and the one to the target. */
  get throughFields(): [ForeignKeyType, ForeignKeyType] {
    const fks = this.through._meta.concreteFields.filter((f): f is ForeignKeyType => f instanceof ForeignKeyType);
    const source = fks.find((f) => f.relatedModel._meta === this.model._meta);
    const target = fks.find((f) => f !== source && f.relatedModel._meta === this.relatedMeta);
    if (!source || !target) {
      throw new FieldError(`${this.label}: the through model ${this.through._meta.label} needs a ForeignKey to each side.`);
    }
    return [source, target];
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

type Target<C> = C extends new (...args: never[]) => infer I ? I : never;

export function ForeignKey<C extends ModelClass, const O extends ForeignKeyOptions>(to: () => C, options: O): TypedField<Target<C>, O, 'fk'>;
export function ForeignKey<const O extends ForeignKeyOptions>(to: string, options: O): TypedField<any, O, 'fk'>;
export function ForeignKey(to: ModelRef, options: ForeignKeyOptions): Field {
  return new ForeignKeyType(to, options);
}

export function OneToOneField<C extends ModelClass, const O extends ForeignKeyOptions>(to: () => C, options: O): TypedField<Target<C>, O, 'fk'>;
export function OneToOneField<const O extends ForeignKeyOptions>(to: string, options: O): TypedField<any, O, 'fk'>;
export function OneToOneField(to: ModelRef, options: ForeignKeyOptions): Field {
  return new OneToOneFieldType(to, options);
}

export function ManyToManyField<C extends ModelClass, const O extends ManyToManyOptions = {}>(to: () => C, options?: O): TypedField<Target<C>, O, 'm2m'>;
export function ManyToManyField<const O extends ManyToManyOptions = {}>(to: string, options?: O): TypedField<any, O, 'm2m'>;
export function ManyToManyField(to: ModelRef, options: ManyToManyOptions = {}): Field {
  return new ManyToManyFieldType(to, options);
}

export type { RelatedField };
