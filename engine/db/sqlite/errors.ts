// better-sqlite3 raises SqliteError with an extended result code such as
// SQLITE_CONSTRAINT_UNIQUE: https://www.sqlite.org/rescode.html
import { DataError, IntegrityError, OperationalError, ProgrammingError, type MappedError } from '../errors.ts';

export function mapSqliteError(err: unknown): MappedError | undefined {
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = String((err as { message?: unknown })?.message ?? err);
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { kind: IntegrityError, message: `${constraintWords(code)}: ${message}` };
  }
  if (code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_RANGE') {
    return { kind: DataError, message };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      kind: OperationalError,
      message: `${message}: another connection holds the database's write lock. Keep transactions short, or raise the busy timeout.`,
    };
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return { kind: OperationalError, message };
  }
  if (code === 'SQLITE_ERROR') return { kind: ProgrammingError, message };
  if (err instanceof RangeError || err instanceof TypeError) return { kind: ProgrammingError, message };
  return undefined;
}

function constraintWords(code: string): string {
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'Unique constraint violated (a row with that value already exists)';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'Foreign key constraint violated (the referenced row does not exist, or rows still refer to it)';
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return 'NOT NULL constraint violated (a required column got no value)';
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'CHECK constraint violated';
    default:
      return 'Constraint violated';
  }
}
