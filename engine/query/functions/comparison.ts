// Comparison and conversion functions: Coalesce, Greatest, Least, NullIf, Cast.
import type { Field } from '../../models/fields/field.ts';
import { Func, requireArgs } from './func.ts';

/** The first argument that is not NULL. */
export function Coalesce(...expressions: unknown[]) {
  requireArgs('Coalesce', expressions, 2);
  return new Func('Coalesce', 'COALESCE', expressions);
}

/**
 * The largest argument. With a NULL among them, PostgreSQL ignores it while SQLite and
 * MySQL/MariaDB return NULL (Django documents the same difference).
 */
export function Greatest(...expressions: unknown[]) {
  requireArgs('Greatest', expressions, 2);
  return new Func('Greatest', 'GREATEST', expressions);
}

/** The smallest argument; NULLs as for Greatest. */
export function Least(...expressions: unknown[]) {
  requireArgs('Least', expressions, 2);
  return new Func('Least', 'LEAST', expressions);
}

/** NULL when both are equal, else the first. */
export const NullIf = (a: unknown, b: unknown) => new Func('NullIf', 'NULLIF', [a, b]);

/** CAST(expression AS <the output field's type in this dialect>). */
export class CastFunc extends Func {
  constructor(expression: unknown, readonly target: Field) {
    super('Cast', 'CAST', [expression], target);
  }
}

export const Cast = (expression: unknown, outputField: Field) => new CastFunc(expression, outputField);
