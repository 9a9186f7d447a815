// Known wrong: stores and reads right, but never checks values: fullClean accepts { r: 300 } and the database gets '#12c...'.
// Fails on: all
import { Field, fieldFactory, type Database, type FieldOptions, type SqlValue } from '../../../engine/index.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX = /^#[0-9a-f]{6}$/;

export class ColorFieldType extends Field<Rgb> {
  kind = 'ColorField';

  /** The column: seven characters, '#rrggbb' (Django's db_type). */
  override dbType(_db: Database): string {
    return 'char(7)';
  }

  /** Check and normalize a value from code (Django's to_python); fullClean reports the TypeError. */
  override toPython(value: unknown): Rgb | null {
    if (value === null || value === undefined) return null;
    return value as Rgb;
  }

  /** To the column (Django's get_prep_value): '#rrggbb' in lower case. */
  override toDb(value: Rgb | null): SqlValue {
    if (value === null) return null;
    return '#' + [value.r, value.g, value.b].map((c) => c.toString(16).padStart(2, '0')).join('');
  }

  /** From the column (Django's from_db_value). */
  override fromDb(value: unknown): Rgb | null {
    if (value === null || value === undefined) return null;
    const text = String(value).trim().toLowerCase();
    if (!HEX.test(text)) throw new TypeError(`A color column holds '#rrggbb', not ${JSON.stringify(value)}.`);
    return { r: parseInt(text.slice(1, 3), 16), g: parseInt(text.slice(3, 5), 16), b: parseInt(text.slice(5, 7), 16) };
  }
}

export const ColorField = fieldFactory<Rgb, FieldOptions<Rgb>>(ColorFieldType);
