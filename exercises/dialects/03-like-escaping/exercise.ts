// Compile `icontains` for user input — see README.md. Run: npx workbook grade dialects/03-like-escaping
import type { Database, SqlValue } from '../../../engine/index.ts';

export interface Fragment {
  sql: string;
  params: SqlValue[];
}

/** Escape LIKE's wildcards (%, _) and the escape character in `value`. */
export function escapeLike(value: string): string {
  // TODO: put an escape character before every %, _ and escape character.
  return value;
}

export function compileIContains(_db: Database, column: string, value: string): Fragment {
  // TODO: ignore case, escape the value, and say which escape character you used (ESCAPE ...).
  return { sql: `${column} LIKE ?`, params: [`%${escapeLike(value)}%`] };
}
