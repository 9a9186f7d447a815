// Text, number, boolean, uuid and JSON fields. Each checks the JS type of a value before any
// SQL is sent (Django's to_python) and undoes the drivers' differences on the way back:
// booleans as 0/1 (SQLite, MySQL), DECIMAL as strings everywhere, JSON parsed or not.
import { randomUUID } from 'node:crypto';
import type { ColumnSpec } from '../../db/dialect.ts';
import type { Database } from '../../db/database.ts';
import type { SqlValue } from '../../db/driver.ts';
import { Field, fieldFactory, type FieldOptions } from './field.ts';

export interface CharOptions extends FieldOptions<string> {
  maxLength: number;
}

export class CharFieldType extends Field<string> {
  kind = 'CharField';
  declare readonly options: CharOptions;

  override toPython(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw this.typeError(value, 'a string');
  }

  override columnSpec(): ColumnSpec {
    return { kind: this.kind, maxLength: this.options.maxLength };
  }

  override validate(value: string | null): string[] {
    const messages = super.validate(value);
    const max = this.options.maxLength;
    if (typeof value === 'string' && max !== undefined && [...value].length > max) {
      messages.push(`Ensure this value has at most ${max} characters (it has ${[...value].length}).`);
    }
    return messages;
  }
}

export class TextFieldType extends CharFieldType {
  override kind = 'TextField';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[-a-zA-Z0-9_]+$/;

export class EmailFieldType extends CharFieldType {
  override validate(value: string | null): string[] {
    const messages = super.validate(value);
    if (value && !EMAIL.test(value)) messages.push('Enter a valid email address.');
    return messages;
  }
}

export class SlugFieldType extends CharFieldType {
  override validate(value: string | null): string[] {
    const messages = super.validate(value);
    if (value && !SLUG.test(value)) messages.push('Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.');
    return messages;
  }
}

export class IntegerFieldType extends Field<number> {
  kind = 'IntegerField';

  override toPython(value: unknown): number | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return Number(value);
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw this.typeError(value, 'an integer');
    return n;
  }

  override fromDb(value: unknown): number | null {
    return value === null ? null : Number(value);
  }
}

export class BigIntegerFieldType extends IntegerFieldType {
  override kind = 'BigIntegerField';
}

export class PositiveIntegerFieldType extends IntegerFieldType {
  override kind = 'PositiveIntegerField';
  override validate(value: number | null): string[] {
    const messages = super.validate(value);
    if (typeof value === 'number' && value < 0) messages.push('Ensure this value is greater than or equal to 0.');
    return messages;
  }
}

/** The implicit `id`: an integer the database generates. */
export class AutoFieldType extends IntegerFieldType {
  override kind = 'BigAutoField';
  constructor(options: FieldOptions<number> = {}) {
    super({ primaryKey: true, blank: true, ...options });
  }
}

export class FloatFieldType extends Field<number> {
  kind = 'FloatField';
  override toPython(value: unknown): number | null {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || Number.isNaN(n)) throw this.typeError(value, 'a number');
    return n;
  }
  override fromDb(value: unknown): number | null {
    return value === null ? null : Number(value);
  }
}

export interface DecimalOptions extends FieldOptions<string> {
  maxDigits: number;
  decimalPlaces: number;
}

/**
 * Decimals travel as strings ('12.50'): every driver returns DECIMAL as a string, and a JS
 * number would round. SQLite has no decimal type (its column stores a double), so values
 * there are exact only up to 15 significant digits; fromDb rewrites them with decimalPlaces.
 */
export class DecimalFieldType extends Field<string> {
  kind = 'DecimalField';
  declare readonly options: DecimalOptions;

  override toPython(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text.trim())) {
      throw this.typeError(value, "a decimal string such as '12.50'");
    }
    return text.trim();
  }

  override fromDb(value: unknown): string | null {
    if (value === null) return null;
    if (typeof value === 'number') return value.toFixed(this.options.decimalPlaces);
    return String(value);
  }

  override columnSpec(): ColumnSpec {
    return { kind: this.kind, maxDigits: this.options.maxDigits, decimalPlaces: this.options.decimalPlaces };
  }

  override validate(value: string | null): string[] {
    const messages = super.validate(value);
    if (typeof value !== 'string') return messages;
    const [whole = '', fraction = ''] = value.replace(/^[-+]/, '').split('.');
    const wholeDigits = whole.replace(/^0+/, '').length;
    const { maxDigits, decimalPlaces } = this.options;
    if (wholeDigits + fraction.length > maxDigits) messages.push(`Ensure that there are no more than ${maxDigits} digits in total.`);
    if (fraction.length > decimalPlaces) messages.push(`Ensure that there are no more than ${decimalPlaces} decimal places.`);
    return messages;
  }
}

export class BooleanFieldType extends Field<boolean> {
  kind = 'BooleanField';
  override toPython(value: unknown): boolean | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value;
    if (value === 0 || value === 1) return value === 1;
    throw this.typeError(value, 'true or false');
  }
  override fromDb(value: unknown): boolean | null {
    return value === null ? null : Boolean(Number(value)); // 0/1 on SQLite and MySQL
  }
  override validate(value: boolean | null): string[] {
    return value === null && !this.null ? ['This field cannot be null.'] : [];
  }
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export class UUIDFieldType extends Field<string> {
  kind = 'UUIDField';
  override toPython(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string' || !UUID.test(value)) throw this.typeError(value, 'a UUID string');
    const hex = value.replace(/-/g, '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class JSONFieldType extends Field<JsonValue> {
  kind = 'JSONField';
  override toPython(value: unknown): JsonValue | null {
    if (value === undefined) return null;
    try {
      JSON.stringify(value);
    } catch {
      throw this.typeError(value, 'a JSON-serializable value');
    }
    return value as JsonValue;
  }
  override toDb(value: JsonValue | null): SqlValue {
    return value === null ? null : JSON.stringify(value);
  }
  override fromDb(value: unknown, db: Database): JsonValue | null {
    if (value === null) return null;
    if (db.dialect.operations.jsonParsedByDriver || typeof value !== 'string') return value as JsonValue;
    return JSON.parse(value) as JsonValue;
  }
}

export const CharField = fieldFactory<string, CharOptions>(CharFieldType);
export const TextField = fieldFactory<string, FieldOptions<string>>(TextFieldType);
export const EmailField = fieldFactory<string, Partial<CharOptions>>(
  class extends EmailFieldType {
    constructor(options: Partial<CharOptions>) {
      super({ maxLength: 254, ...options });
    }
  },
);
export const SlugField = fieldFactory<string, Partial<CharOptions>>(
  class extends SlugFieldType {
    constructor(options: Partial<CharOptions>) {
      super({ maxLength: 50, dbIndex: true, ...options });
    }
  },
);
export const IntegerField = fieldFactory<number, FieldOptions<number>>(IntegerFieldType);
export const BigIntegerField = fieldFactory<number, FieldOptions<number>>(BigIntegerFieldType);
export const PositiveIntegerField = fieldFactory<number, FieldOptions<number>>(PositiveIntegerFieldType);
export const AutoField = fieldFactory<number, FieldOptions<number>>(AutoFieldType);
export const FloatField = fieldFactory<number, FieldOptions<number>>(FloatFieldType);
export const DecimalField = fieldFactory<string, DecimalOptions>(DecimalFieldType);
export const BooleanField = fieldFactory<boolean, FieldOptions<boolean>>(BooleanFieldType);
export const UUIDField = fieldFactory<string, FieldOptions<string>>(UUIDFieldType);
export const JSONField = fieldFactory<JsonValue, FieldOptions<JsonValue>>(JSONFieldType);

/** A default for UUIDField: `UUIDField({ default: uuid4 })`. */
export const uuid4 = (): string => randomUUID();

