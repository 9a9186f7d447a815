// Text functions. Portable spellings here; dialect differences in engine/db/<dialect>/functions.ts
// (MySQL's LENGTH counts bytes, so Length is CHAR_LENGTH there; Concat's NULL handling differs).
import { IntegerField, TextField } from '../../models/fields/scalar.ts';
import { Func, requireArgs } from './func.ts';
import { Value } from '../expressions.ts';

export const Lower = (expression: unknown) => new Func('Lower', 'LOWER', [expression]);
export const Upper = (expression: unknown) => new Func('Upper', 'UPPER', [expression]);
export const Trim = (expression: unknown) => new Func('Trim', 'TRIM', [expression]);

/** Characters, not bytes, on every database. */
export const Length = (expression: unknown) => new Func('Length', 'LENGTH', [expression], IntegerField());

/** Joins text; NULL counts as '' (as in Django, where each pair is wrapped in COALESCE). */
export function Concat(...expressions: unknown[]) {
  requireArgs('Concat', expressions, 2);
  return new Func('Concat', 'CONCAT', expressions, TextField());
}

/** Substring from a 1-based position, optionally of a given length. */
export function Substr(expression: unknown, position: number, length?: number) {
  const args = [expression, new Value(position), ...(length === undefined ? [] : [new Value(length)])];
  return new Func('Substr', 'SUBSTR', args);
}

export const Replace = (expression: unknown, text: unknown, replacement: unknown = new Value('')) =>
  new Func('Replace', 'REPLACE', [expression, text, replacement]);
