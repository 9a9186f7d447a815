// Date functions. Each dialect truncates and extracts differently (strftime, DATE_TRUNC,
// DATE_FORMAT); engine/db/<dialect>/functions.ts has the spellings. All times are UTC.
import { IntegerField } from '../../models/fields/scalar.ts';
import { DateField, DateTimeField } from '../../models/fields/temporal.ts';
import type { Compiler } from '../compiler.ts';
import type { Sql } from '../expressions.ts';
import { Func } from './func.ts';

/** The current date and time, as the database sees it (at statement start). */
export const Now = () => new Func('Now', 'CURRENT_TIMESTAMP', [], DateTimeField());

/** The date part of a datetime. */
export class TruncDateFunc extends Func {
  constructor(expression: unknown) {
    super('TruncDate', 'DATE', [expression], DateField());
  }
  override compile(c: Compiler): Sql {
    const [sql, params] = this.args[0]!.compile(c);
    return [c.ops.castDate(sql), params];
  }
}
export const TruncDate = (expression: unknown) => new TruncDateFunc(expression);

/**
 * The first day of the month or year. As in Django, the result keeps the input's kind: a
 * date for a DateField, midnight of that day for a DateTimeField.
 */
export class TruncFunc extends Func {
  constructor(
    readonly kind: 'month' | 'year',
    expression: unknown,
  ) {
    super(kind === 'month' ? 'TruncMonth' : 'TruncYear', 'DATE_TRUNC', [expression]);
  }
  /** True when the input is a datetime (then so is the result). */
  get isDateTime(): boolean {
    return this.args[0]?.outputField?.kind === 'DateTimeField';
  }
  protected override inferOutput() {
    return this.isDateTime ? DateTimeField() : DateField();
  }
}
export const TruncMonth = (expression: unknown) => new TruncFunc('month', expression);
export const TruncYear = (expression: unknown) => new TruncFunc('year', expression);

/** Year, month or day as an integer. */
export class ExtractFunc extends Func {
  constructor(
    readonly part: 'year' | 'month' | 'day',
    expression: unknown,
  ) {
    super(`Extract${part[0]!.toUpperCase()}${part.slice(1)}`, 'EXTRACT', [expression], IntegerField());
  }
  override compile(c: Compiler): Sql {
    const [sql, params] = this.args[0]!.compile(c);
    return [c.ops.extract(this.part, sql), params];
  }
}
export const ExtractYear = (expression: unknown) => new ExtractFunc('year', expression);
export const ExtractMonth = (expression: unknown) => new ExtractFunc('month', expression);
export const ExtractDay = (expression: unknown) => new ExtractFunc('day', expression);
