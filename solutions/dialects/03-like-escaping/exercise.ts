// Reference solution: exercises/dialects/03-like-escaping
import type { Database, SqlValue } from '../../../engine/index.ts';

export interface Fragment {
  sql: string;
  params: SqlValue[];
}

const ESCAPE = '\\';

/** Escape LIKE's wildcards (%, _) and the escape character in `value`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => ESCAPE + ch);
}

export function compileIContains(_db: Database, column: string, value: string): Fragment {
  // The escape character is a parameter: no backslash in a string literal, which MySQL would
  // read as an escape of the closing quote.
  return { sql: `LOWER(${column}) LIKE LOWER(?) ESCAPE ?`, params: [`%${escapeLike(value)}%`, ESCAPE] };
}
