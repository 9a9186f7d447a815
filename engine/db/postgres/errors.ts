// PostgreSQL reports a five-character SQLSTATE; its first two characters are the class:
// https://www.postgresql.org/docs/current/errcodes-appendix.html
import { connectHint } from '../dialect.ts';
import {
  DataError,
  IntegrityError,
  OperationalError,
  ProgrammingError,
  TransactionManagementError,
  type MappedError,
} from '../errors.ts';
import type { DatabaseUrl } from '../url.ts';

const EXAMPLE = 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET']);

export function mapPostgresError(err: unknown, url: DatabaseUrl): MappedError | undefined {
  const e = err as { code?: string; message?: string; detail?: string; constraint?: string };
  const code = String(e?.code ?? '');
  const message = String(e?.message ?? err) + (e?.detail ? ` (${e.detail})` : '');
  const hint = connectHint('PostgreSQL', url, 'WORKBOOK_POSTGRES_URL', EXAMPLE);

  if (CONNECT_CODES.has(code) || /timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return { kind: OperationalError, message: `Cannot connect to PostgreSQL (${code || message}). ${hint}` };
  }
  if (code === '23505') return { kind: IntegrityError, message: `Unique constraint violated: ${message}` };
  if (code === '23503') return { kind: IntegrityError, message: `Foreign key constraint violated: ${message}` };
  if (code === '23502') return { kind: IntegrityError, message: `NOT NULL constraint violated: ${message}` };
  if (code === '23514') return { kind: IntegrityError, message: `CHECK constraint violated: ${message}` };
  if (code.startsWith('23')) return { kind: IntegrityError, message };
  if (code === '22001') return { kind: DataError, message: `${message}: the value is longer than the column allows` };
  if (code.startsWith('22')) return { kind: DataError, message };
  if (code === '25P02') {
    return {
      kind: TransactionManagementError,
      message:
        `${message}. An earlier statement in this transaction failed, so PostgreSQL refuses every ` +
        `statement until ROLLBACK. Leave the atomic block (or roll back to a savepoint) to continue.`,
    };
  }
  if (code === '40P01') return { kind: OperationalError, message: `Deadlock detected: ${message}. Retry the transaction.` };
  if (code === '40001') return { kind: OperationalError, message: `Serialization failure: ${message}. Retry the transaction.` };
  if (code === '55P03') return { kind: OperationalError, message: `Lock not available: ${message}` };
  if (code === '57014') return { kind: OperationalError, message: `Statement cancelled: ${message}` };
  if (code === '28P01' || code === '28000') return { kind: OperationalError, message: `Authentication failed: ${message}. ${hint}` };
  if (code === '3D000') return { kind: OperationalError, message: `${message}. Create the database, or name another in the URL.` };
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57')) return { kind: OperationalError, message };
  if (code.startsWith('42') || code.startsWith('0A')) return { kind: ProgrammingError, message };
  return undefined;
}
