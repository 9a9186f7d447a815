// Reference solution: exercises/models/03-custom-field
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
    const { r, g, b } = value as Partial<Rgb>;
    const ok = [r, g, b].every((c) => Number.isInteger(c) && c! >= 0 && c! <= 255);
    if (!ok) throw this.typeError(value, 'an object { r, g, b } of integers from 0 to 255');
    return { r: r!, g: g!, b: b! };
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
