// mysql2 errors carry the server's errno (ER_DUP_ENTRY = 1062, ...):
// https://mariadb.com/kb/en/mariadb-error-codes/ and MySQL's server error reference.
import { connectHint } from '../dialect.ts';
import { DataError, IntegrityError, OperationalError, ProgrammingError, type MappedError } from '../errors.ts';
import type { DatabaseUrl } from '../url.ts';

const EXAMPLE = 'mysql://root@127.0.0.1:3306/mysql';
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST']);

const INTEGRITY: Record<number, string> = {
  1062: 'Unique constraint violated',
  1451: 'Foreign key constraint violated (rows still refer to this one)',
  1452: 'Foreign key constraint violated (the referenced row does not exist)',
  1048: 'NOT NULL constraint violated',
  1364: 'NOT NULL constraint violated (the column has no default)',
  3819: 'CHECK constraint violated', // MySQL
  4025: 'CHECK constraint violated', // MariaDB
};
const DATA = new Set([1406, 1264, 1265, 1366, 1292, 1367, 3140]);
const OPERATIONAL: Record<number, string> = {
  1213: 'Deadlock detected; retry the transaction',
  1205: 'Lock wait timeout exceeded',
  3572: 'Lock not available (NOWAIT)',
  1040: 'Too many connections',
};
const PROGRAMMING = new Set([1064, 1146, 1054, 1050, 1051, 1060, 1061, 1091, 1149, 1210, 1222, 1241, 1305]);

export function mapMysqlError(err: unknown, url: DatabaseUrl): MappedError | undefined {
  const e = err as { code?: string; errno?: number; message?: string };
  const errno = Number(e?.errno ?? 0);
  const code = String(e?.code ?? '');
  const message = String(e?.message ?? err);
  const hint = connectHint('MySQL/MariaDB', url, 'WORKBOOK_MYSQL_URL', EXAMPLE);

  if (CONNECT_CODES.has(code)) return { kind: OperationalError, message: `Cannot connect to MySQL/MariaDB (${code}). ${hint}` };
  if (errno === 1045) return { kind: OperationalError, message: `Access denied: ${message}. ${hint}` };
  if (errno === 1049) return { kind: OperationalError, message: `${message}. Create the database, or name another in the URL.` };
  if (INTEGRITY[errno]) return { kind: IntegrityError, message: `${INTEGRITY[errno]}: ${message}` };
  if (errno === 1406) return { kind: DataError, message: `Value too long for its column: ${message}` };
  if (DATA.has(errno)) return { kind: DataError, message };
  if (OPERATIONAL[errno]) return { kind: OperationalError, message: `${OPERATIONAL[errno]}: ${message}` };
  if (PROGRAMMING.has(errno)) return { kind: ProgrammingError, message };
  if (errno >= 2000 && errno < 3000) return { kind: OperationalError, message }; // client-side errors
  return undefined;
}
