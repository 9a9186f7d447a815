// Math functions. SQLite has CEIL, POWER and MOD only when built with its math functions
// (better-sqlite3 is); ROUND with places needs a NUMERIC on PostgreSQL.
import { FloatField } from '../../models/fields/scalar.ts';
import { Func } from './func.ts';
import { Value } from '../expressions.ts';

export const Abs = (expression: unknown) => new Func('Abs', 'ABS', [expression]);
export const Ceil = (expression: unknown) => new Func('Ceil', 'CEIL', [expression]);
export const Floor = (expression: unknown) => new Func('Floor', 'FLOOR', [expression]);
export const Mod = (dividend: unknown, divisor: unknown) => new Func('Mod', 'MOD', [dividend, divisor]);
export const Power = (base: unknown, exponent: unknown) => new Func('Power', 'POWER', [base, exponent], FloatField());

/** Round half away from zero on decimals; floats follow the database's float rounding. */
export function Round(expression: unknown, places = 0) {
  return new Func('Round', 'ROUND', places === 0 ? [expression] : [expression, new Value(places)]);
}
