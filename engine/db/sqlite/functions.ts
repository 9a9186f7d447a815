// How SQLite spells the database functions that differ from the portable form.
import type { FunctionSpellings } from '../../query/functions/func.ts';
import { castTarget, isDateTimeTrunc } from '../function-helpers.ts';

const CAST_TYPES: Record<string, string> = {
  IntegerField: 'INTEGER', BigIntegerField: 'INTEGER', PositiveIntegerField: 'INTEGER', AutoField: 'INTEGER',
  BooleanField: 'INTEGER', FloatField: 'REAL', DecimalField: 'NUMERIC',
};

export const sqliteFunctions: FunctionSpellings = {
  // || yields NULL if either side is NULL; COALESCE makes NULL count as '' (CONCAT only exists since 3.44).
  Concat: (args) => `(${args.map((a) => `COALESCE(${a}, '')`).join(' || ')})`,
  // SQLite has no GREATEST/LEAST: MAX and MIN with several arguments are the scalar forms.
  Greatest: (args) => `MAX(${args.join(', ')})`,
  Least: (args) => `MIN(${args.join(', ')})`,
  Cast: (args, fn) => {
    const kind = castTarget(fn).kind;
    if (kind === 'DateField') return `date(${args[0]})`;
    if (kind === 'DateTimeField') return `datetime(${args[0]})`;
    return `CAST(${args[0]} AS ${CAST_TYPES[kind] ?? 'TEXT'})`;
  },
  // Milliseconds, in the text form the DateTimeField stores.
  Now: () => `STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')`,
  TruncMonth: (args, fn) => `STRFTIME('%Y-%m-01${isDateTimeTrunc(fn) ? ' 00:00:00' : ''}', ${args[0]})`,
  TruncYear: (args, fn) => `STRFTIME('%Y-01-01${isDateTimeTrunc(fn) ? ' 00:00:00' : ''}', ${args[0]})`,
};
