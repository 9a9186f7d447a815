// The base of every field: a name on the model, a column in the table, and the three
// conversions Django's Field has — toPython (check and coerce a value: `to_python`),
// toDb (a value for a bound parameter: `get_prep_value`) and fromDb (`from_db_value`).
import type { ColumnSpec } from '../../db/dialect.ts';
import type { Database } from '../../db/database.ts';
import type { SqlValue } from '../../db/driver.ts';
import { ValidationError } from '../errors.ts';
import type { ModelClass } from '../types.ts';

/** A validator returns an error message (or throws a ValidationError) when the value is wrong. */
export type Validator<T> = (value: T) => string | void | undefined;

export interface FieldOptions<T = unknown> {
  null?: boolean;
  blank?: boolean;
  default?: T | (() => T);
  unique?: boolean;
  dbIndex?: boolean;
  dbColumn?: string;
  primaryKey?: boolean;
  choices?: ReadonlyArray<readonly [T, string]>;
  validators?: ReadonlyArray<Validator<T>>;
  editable?: boolean;
  verboseName?: string;
  helpText?: string;
}

type NullOf<O> = O extends { null: true } ? true : false;
type OptionalOf<O> = O extends { null: true } | { default: unknown } | { autoNow: true } | { autoNowAdd: true } ? true : false;
type PkOf<O> = O extends { primaryKey: true } ? true : false;

/** A field with its static facts attached for the type checker (no runtime cost). */
export type TypedField<T, O, Kind extends string = 'scalar'> = Field<T> & {
  readonly '~null': NullOf<O>;
  readonly '~optional': OptionalOf<O>;
  readonly '~pk': PkOf<O>;
  readonly '~kind': Kind;
};

/** Lookup and transform classes registered on a field class (Django's register_lookup). */
export interface RegisteredLookup {
  lookupName: string;
}

const lookupTables = new WeakMap<object, Map<string, RegisteredLookup>>();

export abstract class Field<T = any> {
  declare readonly '~value': T;
  /** Django's class name for this kind of field: picks the column type in each dialect. */
  abstract readonly kind: string;
  name = '';
  /** The attribute holding the raw value: `name`, or `authorId` for a foreign key. */
  attname = '';
  column = '';
  model!: ModelClass;
  readonly isRelation: boolean = false;
  /** Has a column in this model's table (not a many-to-many). */
  readonly concrete: boolean = true;

  constructor(readonly options: FieldOptions<T> = {}) {}

  get null(): boolean {
    return this.options.null === true;
  }
  get blank(): boolean {
    return this.options.blank === true;
  }
  get primaryKey(): boolean {
    return this.options.primaryKey === true;
  }
  get unique(): boolean {
    return this.options.unique === true || this.primaryKey;
  }
  get editable(): boolean {
    return this.options.editable !== false;
  }
  get verboseName(): string {
    return this.options.verboseName ?? this.name.replace(/([A-Z])/g, ' $1').toLowerCase();
  }

  /** Called once when the model is defined. */
  contribute(model: ModelClass, name: string): void {
    this.model = model;
    this.name = name;
    this.attname = name;
    this.column = this.options.dbColumn ?? snakeCase(name);
  }

  hasDefault(): boolean {
    return this.options.default !== undefined;
  }

  getDefault(): T | null {
    const d = this.options.default;
    if (d === undefined) return null;
    return typeof d === 'function' ? (d as () => T)() : d;
  }

  /** The value to store just before saving (autoNow fields set it here). */
  preSave(instance: Record<string, unknown>, _adding: boolean): unknown {
    return instance[this.attname];
  }

  columnSpec(): ColumnSpec {
    return { kind: this.kind };
  }

  /** The column type in `db`'s dialect. Custom fields may override this. */
  dbType(db: Database): string {
    return db.dialect.schema.columnType(this.columnSpec());
  }

  /** Check a value and coerce it to the field's JS type; wrong types throw, naming the field. */
  toPython(value: unknown): T | null {
    return value as T | null;
  }

  /** The bound parameter for a value (after toPython). */
  toDb(value: T | null, _db: Database): SqlValue {
    return value as SqlValue;
  }

  /** A value read from the database, as the field's JS type. */
  fromDb(value: unknown, _db: Database): T | null {
    return value as T | null;
  }

  /** Django's Field.validate + run_validators: the messages for a value, [] when it is fine. */
  validate(value: T | null): string[] {
    const messages: string[] = [];
    const empty = value === null || value === undefined || (value as unknown) === '';
    if (value === null && !this.null) messages.push('This field cannot be null.');
    else if (empty && !this.blank) messages.push('This field cannot be blank.');
    if (empty) return messages;
    const choices = this.options.choices;
    if (choices && !choices.some(([v]) => v === value)) messages.push(`Value ${JSON.stringify(value)} is not a valid choice.`);
    for (const validator of this.options.validators ?? []) {
      try {
        const message = validator(value as T);
        if (message) messages.push(message);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        messages.push(...Object.values(err.messageDict).flat());
      }
    }
    return messages;
  }

  /** 'blog.Author.name', for messages. */
  get label(): string {
    return `${this.model?._meta?.label ?? '?'}.${this.name}`;
  }

  protected typeError(value: unknown, expected: string): TypeError {
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    return new TypeError(`Field '${this.name}' (${this.label}) expected ${expected}, got ${shown} (${typeof value}).`);
  }

  // ——— lookups: registered per field class, inherited by subclasses ———

  static registerLookup(lookup: RegisteredLookup, name = lookup.lookupName): void {
    let table = lookupTables.get(this);
    if (!table) lookupTables.set(this, (table = new Map()));
    table.set(name, lookup);
  }

  /** The lookup or transform named `name` for this field, searching up the class chain. */
  getLookup(name: string): RegisteredLookup | undefined {
    for (let cls = this.constructor; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      const found = lookupTables.get(cls)?.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** Every lookup name this field accepts, for error messages. */
  lookupNames(): string[] {
    const names = new Set<string>();
    for (let cls = this.constructor; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      for (const name of lookupTables.get(cls)?.keys() ?? []) names.add(name);
    }
    return [...names].sort();
  }
}

/** createdAt → created_at: columns follow SQL's habit, attributes follow JavaScript's. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Make a field factory that keeps the options' literal types, so `CharField({ null: true })`
 * is known to hold `string | null`. Custom fields use it too (see fields/custom.md in lessons).
 */
export function fieldFactory<T, A extends FieldOptions<T>>(cls: new (options: A) => Field<T>) {
  return <const O extends A = A>(options?: O): TypedField<T, O> => new cls((options ?? {}) as A) as TypedField<T, O>;
}
