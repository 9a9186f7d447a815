// What the type checker knows about a model, computed from its field definitions once:
// instance attributes, the shape create() requires, and the filter keys it accepts.
// Kept shallow on purpose (deep generics hit TypeScript's limits); lookup strings beyond
// what is typed here are checked at run time with Django's error messages.
import type { Manager } from '../query/manager.ts';
import type { ManyRelatedManager, RelatedManager } from '../query/related-managers.ts';
import type { Model } from './model.ts';
import type { Options } from './options.ts';

/** A model class: `new Author(...)`, `Author._meta`, `Author.objects`. */
export interface ModelClass<I extends Model = any> {
  new (values?: any): I;
  readonly _meta: Options;
  readonly name: string;
  prototype: I;
  readonly objects: Manager<I>;
  readonly DoesNotExist: new (message: string) => Error;
  readonly MultipleObjectsReturned: new (message: string) => Error;
}

type Kind<F> = F extends { '~kind': infer K } ? K : never;
type ValueOf<F> = F extends { '~value': infer T; '~null': infer N } ? (N extends true ? T | null : T) : never;
type TargetOf<F> = F extends { '~value': infer T } ? T : never;
type PkOf<I> = I extends { pk: infer P } ? P : unknown;
type KeysOfKind<Fs, K> = { [P in keyof Fs]: Kind<Fs[P]> extends K ? P : never }[keyof Fs] & string;
type Flagged<Fs, Flag extends string> = { [P in keyof Fs]: Fs[P] extends Record<Flag, true> ? P : never }[keyof Fs] & string;
type HasPk<Fs> = [Flagged<Fs, '~pk'>] extends [never] ? false : true;

type Scalar<Fs> = KeysOfKind<Fs, 'scalar'>;
type ForeignKeys<Fs> = KeysOfKind<Fs, 'fk'>;
type ManyToManys<Fs> = KeysOfKind<Fs, 'm2m'>;

/** The implicit `id` unless a field says `primaryKey: true`. */
type PkAttributes<Fs> = HasPk<Fs> extends true ? { pk: ValueOf<Fs[Flagged<Fs, '~pk'>]> } : { id: number; pk: number };

/** The attributes an instance has for the fields `Fs`. */
export type FieldValues<Fs> = { [K in Scalar<Fs>]: ValueOf<Fs[K]> } & { [K in ForeignKeys<Fs>]: ValueOf<Fs[K]> } & {
  [K in ForeignKeys<Fs> as `${K}Id`]: Fs[K] extends { '~null': true } ? PkOf<TargetOf<Fs[K]>> | null : PkOf<TargetOf<Fs[K]>>;
} & { readonly [K in ManyToManys<Fs>]: ManyRelatedManager<Extract<TargetOf<Fs[K]>, Model>> } & PkAttributes<Fs>;

type Required<Fs> = Exclude<Scalar<Fs>, Flagged<Fs, '~optional'>>;
type Optional<Fs> = Exclude<Scalar<Fs>, Required<Fs>>;

/**
 * What create() takes: every field that has no default and is not nullable is required.
 * A foreign key may be given as the object (`author`) or its key (`authorId`); that one is
 * checked at run time, since "one of two keys" types get unwieldy.
 */
export type CreateInput<Fs> = { [K in Required<Fs>]: ValueOf<Fs[K]> } & { [K in Optional<Fs>]?: ValueOf<Fs[K]> } & {
  [K in ForeignKeys<Fs>]?: ValueOf<Fs[K]>;
} & { [K in ForeignKeys<Fs> as `${K}Id`]?: PkOf<TargetOf<Fs[K]>> | null } & (HasPk<Fs> extends true ? {} : { id?: number });

/** Lookup names the type checker accepts after `__`. Add your own with declaration merging. */
export interface LookupNames {
  exact: true; iexact: true; contains: true; icontains: true; in: true; gt: true; gte: true; lt: true; lte: true;
  startswith: true; istartswith: true; endswith: true; iendswith: true; range: true; isnull: true; regex: true;
  iregex: true; year: true; month: true; day: true; date: true;
}
type Lookup = keyof LookupNames & string;

type OwnKeys<Fs> = Scalar<Fs> | 'pk' | (HasPk<Fs> extends true ? never : 'id') | `${ForeignKeys<Fs>}Id`;
type Relations<I, Fs> = ForeignKeys<Fs> | ManyToManys<Fs> | ReverseKeys<I>;
type ReverseKeys<I> = { [K in keyof I]: I[K] extends RelatedManager<any> | ManyRelatedManager<any> | Model | null ? K : never }[keyof I] & string;

/** Keys of one model: own fields with lookups, relations, and anything after a relation (checked at run time). */
type Hop<T> = T extends { '~fields': infer Fs }
  ? OwnKeys<Fs> | `${OwnKeys<Fs>}__${Lookup}` | `${OwnKeys<Fs>}__${Lookup}__${Lookup}` | Relations<T, Fs> | `${Relations<T, Fs>}__${string}`
  : string;

/** The model at the other end of relation `K` of `I`. */
type RelationTarget<I, Fs, K> = K extends keyof Fs
  ? TargetOf<Fs[K]>
  : K extends keyof I
    ? I[K] extends RelatedManager<infer T> | ManyRelatedManager<infer T>
      ? T
      : NonNullable<I[K]>
    : never;

/** Filter keys: typed for the model's own fields and one relation hop; deeper strings are checked at run time. */
export type FilterKey<I> = I extends { '~fields': infer Fs }
  ? OwnKeys<Fs> | `${OwnKeys<Fs>}__${Lookup}` | `${OwnKeys<Fs>}__${Lookup}__${Lookup}` | Relations<I, Fs> | `${Relations<I, Fs>}__${Lookup}`
    | { [K in Relations<I, Fs>]: `${K}__${Hop<RelationTarget<I, Fs, K>>}` }[Relations<I, Fs>]
  : string;

export type FilterArgs<I> = I extends { '~fields': infer Fs }
  ? { [K in Scalar<Fs>]?: ValueOf<Fs[K]> | object } & { [K in Exclude<FilterKey<I>, Scalar<Fs>>]?: unknown }
  : Record<string, unknown>;

export type CreateOf<I> = I extends { '~fields': infer Fs } ? CreateInput<Fs> : Record<string, unknown>;

/** Names usable in orderBy: fields, with '-' for descending, or related paths. */
type OrderPath<I> = I extends { '~fields': infer Fs }
  ? OwnKeys<Fs> | Relations<I, Fs> | { [K in Relations<I, Fs>]: `${K}__${OrderHop<RelationTarget<I, Fs, K>>}` }[Relations<I, Fs>]
  : string;
type OrderHop<T> = T extends { '~fields': infer Fs } ? OwnKeys<Fs> | `${Relations<T, Fs>}__${string}` : string;
export type OrderKey<I> = OrderPath<I> | `-${OrderPath<I>}` | '?';

/** The class `Model.define` returns: the instance type, and the statics every model has. */
export type InstanceOf<Base, Fs> = (Base extends abstract new (...a: any[]) => infer B ? B : Model) & FieldValues<Fs> & { readonly '~fields': Fs };

export type DefinedModel<Base, Fs> = {
  new (values?: CreateInput<Fs>): InstanceOf<Base, Fs>;
  readonly _meta: Options;
  readonly objects: Manager<Extract<InstanceOf<Base, Fs>, Model>>;
  readonly DoesNotExist: new (message: string) => Error;
  readonly MultipleObjectsReturned: new (message: string) => Error;
} & Omit<Base, 'prototype' | 'objects' | '_meta'>;
