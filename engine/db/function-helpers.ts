// Small readers the dialects' function spellings share.
import type { Field } from '../models/fields/field.ts';
import type { Func } from '../query/functions/func.ts';
import type { ColumnSpec } from './dialect.ts';

/** The field a Cast converts to, as the schema editor sees it (kind, length, precision). */
export function castTarget(fn: Func): ColumnSpec {
  return (fn as unknown as { target: Field }).target.columnSpec();
}

/** Whether a TruncMonth/TruncYear works on a datetime (and so returns one). */
export function isDateTimeTrunc(fn: Func): boolean {
  return (fn as unknown as { isDateTime?: boolean }).isDateTime === true;
}
