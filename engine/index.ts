// The public API: everything a learner imports comes from here.
export { connect, type ConnectOptions } from './db/connect.ts';
export { connections } from './db/connections.ts';
export { router, type Router, type RouterHints } from './db/router.ts';
export { Database, type AtomicOptions } from './db/database.ts';
export type { Dialect } from './db/dialect.ts';
export type { QueryResult, ServerInfo, SqlValue } from './db/driver.ts';
export {
  DatabaseError,
  DataError,
  IntegrityError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  TransactionManagementError,
} from './db/errors.ts';
export type { Features } from './db/features.ts';
export { formatQueries, type LoggedQuery } from './db/query-log.ts';
export { DIALECT_NAMES, parseDatabaseUrl, type DialectName } from './db/url.ts';

// ——— models and querysets (Django's django.db.models) ———
import './query/instance-ops.ts';
import './query/related-managers.ts';
export { Model, type SaveOptions } from './models/model.ts';
export { type MetaOptions, Options } from './models/options.ts';
export { apps } from './models/registry.ts';
export type { ModelClass, CreateInput, FieldValues, FilterArgs, LookupNames } from './models/types.ts';
export {
  FieldError,
  ObjectDoesNotExist,
  MultipleObjectsReturned,
  ValidationError,
  ProtectedError,
  RestrictedError,
} from './models/errors.ts';
export { Field, fieldFactory, snakeCase, type FieldOptions, type TypedField, type Validator } from './models/fields/field.ts';
export * from './models/fields/scalar.ts';
export * from './models/fields/temporal.ts';
export {
  ForeignKey,
  OneToOneField,
  ManyToManyField,
  ForeignKeyType,
  OneToOneFieldType,
  ManyToManyFieldType,
  CASCADE,
  PROTECT,
  RESTRICT,
  SET_NULL,
  SET_DEFAULT,
  DO_NOTHING,
  type OnDelete,
} from './models/fields/related.ts';
export { Index, UniqueConstraint, CheckConstraint } from './models/constraints.ts';
export { SchemaEditor, createTables, dropTables } from './models/schema-editor.ts';
export { QuerySet } from './query/queryset.ts';
export type { Compiler } from './query/compiler.ts';
export { Manager, managerFromQuerySet, type ManagerFor } from './query/manager.ts';
export { RelatedManager, ManyRelatedManager } from './query/related-managers.ts';
export { Q } from './query/q.ts';
export { F, Value, Expression, ExpressionWrapper, Col, CombinedExpression, OrderBy, type Sql } from './query/expressions.ts';
export { Aggregate, Count, Sum, Avg, Max, Min, StdDev, Variance, type AggregateOptions } from './query/aggregates.ts';
export { Case, When } from './query/conditional.ts';
export { Subquery, OuterRef, Exists } from './query/subqueries.ts';
export { RawQuerySet } from './query/raw.ts';
export { Lookup, BuiltinLookup, Transform } from './query/lookups.ts';
export { Prefetch } from './query/prefetch.ts';
export * from './query/functions/index.ts';
