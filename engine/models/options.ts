// A model's `_meta` (Django's Options): its names, table, fields, key, ordering, managers,
// and the relations other models point at it with.
import type { Manager } from '../query/manager.ts';
import type { ConstraintSpec, IndexSpec } from './constraints.ts';
import { FieldError } from './errors.ts';
import type { Field } from './fields/field.ts';
import { ForeignKeyType, ManyToManyFieldType } from './fields/related.ts';
import { apps } from './registry.ts';
import type { ModelClass } from './types.ts';

export interface MetaOptions {
  dbTable?: string;
  /** Default ordering: ['name'], ['-createdAt']. */
  ordering?: string[];
  indexes?: IndexSpec[];
  constraints?: ConstraintSpec[];
  uniqueTogether?: string[][];
  /** No table: the fields are copied into each model defined from it. */
  abstract?: boolean;
  /** Same table as the parent, a different class (other methods, managers, ordering). */
  proxy?: boolean;
  verboseName?: string;
  verboseNamePlural?: string;
  /** Which manager is the default (Django's default_manager_name); else the first declared. */
  defaultManagerName?: string;
}

/** A relation seen from the model it points at (Django's ForeignObjectRel). */
export interface ReverseRelation {
  /** The FK or M2M field on the other model. */
  field: ForeignKeyType | ManyToManyFieldType;
  /** The name used in filters: 'posts' in `posts__title`. */
  name: string;
  /** Many rows on the other side (not a one-to-one). */
  multiple: boolean;
}

export class Options {
  readonly fields: Field[] = [];
  pk!: Field;
  model!: ModelClass;
  /** The class Model.define made (subclasses of it are claimed as `model` on first use). */
  definedClass!: ModelClass;
  readonly managers: Manager<any>[] = [];
  /** The concrete model whose table a proxy uses. */
  proxyFor: Options | undefined;
  /** Multi-table inheritance: the OneToOneField (`placePtr`) to the parent model's row. */
  parentLink: ForeignKeyType | undefined;
  private reverseCache: { version: number; relations: ReverseRelation[] } | undefined;

  constructor(
    readonly appLabel: string,
    readonly objectName: string,
    readonly meta: MetaOptions,
  ) {}

  get modelName(): string {
    return this.objectName.toLowerCase();
  }
  get label(): string {
    return `${this.appLabel}.${this.objectName}`;
  }
  get dbTable(): string {
    return this.proxyFor?.dbTable ?? this.meta.dbTable ?? `${this.appLabel}_${this.modelName}`.toLowerCase();
  }
  get ordering(): string[] {
    return this.meta.ordering ?? [];
  }
  get abstract(): boolean {
    return this.meta.abstract === true;
  }
  get verboseName(): string {
    return this.meta.verboseName ?? this.objectName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  get verboseNamePlural(): string {
    return this.meta.verboseNamePlural ?? `${this.verboseName}s`;
  }
  /** The table's owner: a proxy's concrete model, else this one. */
  get concrete(): Options {
    return this.proxyFor?.concrete ?? this;
  }

  /** Fields with a column, in declaration order. */
  get concreteFields(): Field[] {
    return this.fields.filter((f) => f.concrete);
  }
  /** Fields with a column in this model's own table (not a multi-table parent's). */
  get localConcreteFields(): Field[] {
    return this.concreteFields.filter((f) => f.model._meta.concrete === this.concrete);
  }
  /** The multi-table parents, nearest first. */
  get parents(): Options[] {
    const link = this.concrete.parentLink;
    return link ? [link.relatedMeta, ...link.relatedMeta.parents] : [];
  }
  get manyToMany(): ManyToManyFieldType[] {
    return this.fields.filter((f): f is ManyToManyFieldType => f instanceof ManyToManyFieldType);
  }
  get foreignKeys(): ForeignKeyType[] {
    return this.fields.filter((f): f is ForeignKeyType => f instanceof ForeignKeyType);
  }

  get defaultManager(): Manager<any> {
    const named = this.meta.defaultManagerName;
    // Only managers the class still shows (an inherited one may be replaced by a declared one).
    const visible = this.managers.filter((m) => (this.model as unknown as Record<string, unknown>)[m.name] === m);
    const found = named ? visible.find((m) => m.name === named) : visible[0];
    return found ?? (this.model as unknown as { objects: Manager<any> }).objects;
  }

  /** Relations on other models that point at this one (or at its proxy's concrete model). */
  get reverseRelations(): ReverseRelation[] {
    if (this.reverseCache?.version === apps.version) return this.reverseCache.relations;
    const relations: ReverseRelation[] = [];
    for (const other of apps.all()) {
      for (const field of other.fields) {
        if (!(field instanceof ForeignKeyType || field instanceof ManyToManyFieldType)) continue;
        if (other.abstract || other.proxyFor) continue;
        let target: Options;
        try {
          target = field.relatedMeta;
        } catch {
          continue; // not defined yet
        }
        if (target.concrete !== this.concrete) continue;
        relations.push({ field, name: field.relatedQueryName, multiple: !(field instanceof ForeignKeyType && field.oneToOne) });
      }
    }
    this.reverseCache = { version: apps.version, relations };
    return relations;
  }

  /** A field by name (or attname, or 'pk'), else undefined. */
  findField(name: string): Field | undefined {
    if (name === 'pk') return this.pk;
    return this.fields.find((f) => f.name === name) ?? this.fields.find((f) => f.attname === name);
  }

  findReverse(name: string): ReverseRelation | undefined {
    return this.reverseRelations.find((r) => r.name === name);
  }

  /** Every name a filter may start with, sorted, for "Choices are: ..." messages. */
  filterChoices(): string[] {
    return [...new Set([...this.fields.map((f) => f.name), ...this.reverseRelations.map((r) => r.name)])].sort();
  }

  /** The field named `name`, or Django's FieldError listing the choices. */
  getField(name: string): Field {
    const field = this.findField(name);
    if (!field) throw new FieldError(`${this.objectName} has no field named '${name}'. Choices are: ${this.filterChoices().join(', ')}`);
    return field;
  }
}
