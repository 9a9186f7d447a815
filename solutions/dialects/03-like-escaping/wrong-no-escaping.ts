// Known wrong: ignores case but passes the user's % and _ through as wildcards: "50%" finds "500 items".
// Fails on: all
import type { Database, SqlValue } from '../../../engine/index.ts';

export interface Fragment {
  sql: string;
  params: SqlValue[];
}

export function escapeLike(value: string): string {
  return value;
}

export function compileIContains(_db: Database, column: string, value: string): Fragment {
  return { sql: `LOWER(${column}) LIKE LOWER(?)`, params: [`%${value}%`] };
}
