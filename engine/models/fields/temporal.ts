// Dates and datetimes. A DateField holds 'YYYY-MM-DD' strings (JavaScript has no date-only
// type, and every driver here returns DATE as that string); a DateTimeField holds Date objects
// in UTC: SQLite stores ISO text, PostgreSQL timestamptz, MySQL DATETIME(6).
import { Field, fieldFactory, type FieldOptions } from './field.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateOptions<T> extends FieldOptions<T> {
  /** Set to now on every save (Django's auto_now). */
  autoNow?: boolean;
  /** Set to now when the row is first inserted (Django's auto_now_add). */
  autoNowAdd?: boolean;
}

abstract class AutoNowField<T> extends Field<T> {
  declare readonly options: DateOptions<T>;
  protected abstract now(): T;

  override get editable(): boolean {
    return !(this.options.autoNow || this.options.autoNowAdd) && super.editable;
  }

  override preSave(instance: Record<string, unknown>, adding: boolean): unknown {
    if (this.options.autoNow || (this.options.autoNowAdd && adding)) instance[this.attname] = this.now();
    return instance[this.attname];
  }

  override validate(value: T | null): string[] {
    if (this.options.autoNow || this.options.autoNowAdd) return [];
    return super.validate(value);
  }
}

export class DateFieldType extends AutoNowField<string> {
  kind = 'DateField';
  protected now(): string {
    return new Date().toISOString().slice(0, 10);
  }
  override toPython(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
    throw this.typeError(value, "a date as 'YYYY-MM-DD' or a Date");
  }
  override fromDb(value: unknown): string | null {
    if (value === null) return null;
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  }
}

export class DateTimeFieldType extends AutoNowField<Date> {
  kind = 'DateTimeField';
  protected now(): Date {
    return new Date();
  }
  override toPython(value: unknown): Date | null {
    if (value === null || value === undefined) return null;
    const date = typeof value === 'string' ? new Date(value) : value;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw this.typeError(value, 'a Date or an ISO 8601 string');
    return date;
  }
  override fromDb(value: unknown): Date | null {
    if (value === null) return null;
    if (value instanceof Date) return value;
    // SQLite: the ISO text the driver wrote ('2026-01-02T03:04:05.000Z').
    const text = String(value);
    return new Date(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : text.replace(' ', 'T') + 'Z');
  }
}

export const DateField = fieldFactory<string, DateOptions<string>>(DateFieldType);
export const DateTimeField = fieldFactory<Date, DateOptions<Date>>(DateTimeFieldType);
