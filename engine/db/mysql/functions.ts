// How MySQL/MariaDB spell the database functions that differ from the portable form.
import type { FunctionSpellings } from '../../query/functions/func.ts';
import { castTarget, isDateTimeTrunc } from '../function-helpers.ts';

// CAST here knows few types: SIGNED, UNSIGNED, CHAR, DECIMAL, DOUBLE, DATE, DATETIME.
const CAST_TYPES: Record<string, string> = {
  IntegerField: 'SIGNED', BigIntegerField: 'SIGNED', AutoField: 'SIGNED', BooleanField: 'SIGNED',
  PositiveIntegerField: 'UNSIGNED', FloatField: 'DOUBLE', DateField: 'DATE', DateTimeField: 'DATETIME(6)',
};

export const mysqlFunctions: FunctionSpellings = {
  // LENGTH counts bytes here ('é' is 2); CHAR_LENGTH counts characters.
  Length: (args) => `CHAR_LENGTH(${args[0]})`,
  // CONCAT returns NULL if any argument is NULL; CONCAT_WS skips NULLs.
  Concat: (args) => `CONCAT_WS('', ${args.join(', ')})`,
  Cast: (args, fn) => {
    const target = castTarget(fn);
    const decimal = target.kind === 'DecimalField' ? `DECIMAL(${target.maxDigits}, ${target.decimalPlaces})` : undefined;
    return `CAST(${args[0]} AS ${decimal ?? CAST_TYPES[target.kind] ?? 'CHAR'})`;
  },
  Now: () => 'CURRENT_TIMESTAMP(6)',
  TruncMonth: (args, fn) => trunc('%Y-%m-01', args[0]!, isDateTimeTrunc(fn)),
  TruncYear: (args, fn) => trunc('%Y-01-01', args[0]!, isDateTimeTrunc(fn)),
};

function trunc(format: string, sql: string, dateTime: boolean): string {
  return dateTime ? `CAST(DATE_FORMAT(${sql}, '${format} 00:00:00') AS DATETIME(6))` : `CAST(DATE_FORMAT(${sql}, '${format}') AS DATE)`;
}
