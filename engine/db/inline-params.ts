// A statement with its parameters written in as literals, for people to read (Django's
// `str(queryset.query)`, `connection.ops.last_executed_query`). The engine never sends this:
// values always travel separately as bound parameters.
import type { Database } from './database.ts';
import type { SqlValue } from './driver.ts';
import { findPlaceholders } from './placeholders.ts';

export function inlineParams(sql: string, params: readonly SqlValue[], db: Database): string {
  const offsets = findPlaceholders(sql, { backslashEscapes: db.dialect.backslashEscapes });
  let out = '';
  let from = 0;
  offsets.forEach((offset, i) => {
    const value = params[i];
    out += sql.slice(from, offset) + (value instanceof Uint8Array ? `<${value.length} bytes>` : db.dialect.schema.literal(value));
    from = offset + 1;
  });
  return out + sql.slice(from);
}
