// Known wrong: ESCAPE '\' in the SQL text; MySQL/MariaDB read the backslash as escaping the quote: a syntax error.
// Fails on: mysql
import type { Database, SqlValue } from '../../../engine/index.ts';

export interface Fragment {
  sql: string;
  params: SqlValue[];
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => '\\' + ch);
}

export function compileIContains(_db: Database, column: string, value: string): Fragment {
  return { sql: `LOWER(${column}) LIKE LOWER(?) ESCAPE '\\'`, params: [`%${escapeLike(value)}%`] };
}
