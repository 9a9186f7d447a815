// Django's database exception hierarchy (PEP 249 names), shared by every driver.
// Each dialect's errors.ts maps its driver's codes onto these classes, so code that
// catches IntegrityError works the same on SQLite, PostgreSQL and MySQL.

export interface DatabaseErrorDetails {
  /** The driver's own error, untouched. */
  cause?: unknown;
  /** The driver's code: SQLITE_CONSTRAINT_UNIQUE, SQLSTATE 23505, errno 1062... */
  code?: string | number;
  /** The SQL that failed, when there was one. */
  sql?: string;
}

export class DatabaseError extends Error {
  readonly code: string | number | undefined;
  readonly sql: string | undefined;

  constructor(message: string, details: DatabaseErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code;
    this.sql = details.sql;
  }
}

/** A constraint said no: unique, foreign key, NOT NULL, CHECK. */
export class IntegrityError extends DatabaseError {}
/** The value does not fit the column: too long, out of range, wrong type. */
export class DataError extends DatabaseError {}
/** Something outside the SQL went wrong: cannot connect, deadlock, lock timeout. */
export class OperationalError extends DatabaseError {}
/** The SQL itself is wrong: syntax, unknown table or column. */
export class ProgrammingError extends DatabaseError {}
/** The database cannot do what was asked (a feature it lacks). */
export class NotSupportedError extends DatabaseError {}
/** Misuse of transactions: a query in a block that already failed, a savepoint outside atomic. */
export class TransactionManagementError extends ProgrammingError {}

/** What a dialect's error mapper returns: the class to raise and the learner-facing words. */
export interface MappedError {
  kind: typeof DatabaseError;
  message: string;
}

/** Wrap a driver error with the dialect's mapping, keeping the driver error as `cause`. */
export function wrapDriverError(
  err: unknown,
  mapped: MappedError | undefined,
  sql: string | undefined,
): DatabaseError {
  if (err instanceof DatabaseError) return err;
  const raw = err as { code?: string | number; errno?: number; message?: string };
  const code = raw?.code ?? raw?.errno;
  const kind = mapped?.kind ?? DatabaseError;
  const message = mapped?.message ?? String(raw?.message ?? err);
  return new kind(message, { cause: err, code, sql });
}
