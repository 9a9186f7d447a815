// How PostgreSQL spells the database functions that differ from the portable form.
import type { FunctionSpellings } from '../../query/functions/func.ts';
import { castTarget, isDateTimeTrunc } from '../function-helpers.ts';

const CAST_TYPES: Record<string, string> = {
  IntegerField: 'integer', PositiveIntegerField: 'integer', AutoField: 'integer', BigIntegerField: 'bigint',
  FloatField: 'double precision', BooleanField: 'boolean', DateField: 'date', DateTimeField: 'timestamp',
  JSONField: 'jsonb', UUIDField: 'uuid',
};

export const postgresFunctions: FunctionSpellings = {
  // CONCAT skips NULLs; its arguments are "any", so bound parameters need a type.
  Concat: (args) => `CONCAT(${args.map((a) => `CAST(${a} AS text)`).join(', ')})`,
  // ROUND(x, places) exists for numeric only.
  Round: (args) => (args.length === 1 ? `ROUND(${args[0]})` : `ROUND(CAST(${args[0]} AS numeric), ${args[1]})`),
  Cast: (args, fn) => {
    const target = castTarget(fn);
    const decimal = target.kind === 'DecimalField' ? `numeric(${target.maxDigits}, ${target.decimalPlaces})` : undefined;
    return `CAST(${args[0]} AS ${decimal ?? CAST_TYPES[target.kind] ?? 'text'})`;
  },
  Now: () => 'STATEMENT_TIMESTAMP()',
  TruncMonth: (args, fn) => trunc('month', args[0]!, isDateTimeTrunc(fn)),
  TruncYear: (args, fn) => trunc('year', args[0]!, isDateTimeTrunc(fn)),
};

function trunc(part: string, sql: string, dateTime: boolean): string {
  const truncated = `DATE_TRUNC('${part}', ${sql})`;
  return dateTime ? truncated : `CAST(${truncated} AS date)`;
}
