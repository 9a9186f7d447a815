// A field of your own — see README.md. Run: npx workbook grade models/03-custom-field
import { Field, fieldFactory, type Database, type FieldOptions, type SqlValue } from '../../../engine/index.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export class ColorFieldType extends Field<Rgb> {
  kind = 'ColorField';

  /** The column: seven characters, '#rrggbb' (Django's db_type). */
  override dbType(_db: Database): string {
    return 'char(7)';
  }

  /** Check and normalize a value from code (Django's to_python); fullClean reports the TypeError. */
  override toPython(value: unknown): Rgb | null {
    // TODO: null stays null; anything but { r, g, b } with integers 0..255 is refused:
    //       throw this.typeError(value, 'what was expected').
    return value as Rgb | null;
  }

  /** To the column (Django's get_prep_value): '#rrggbb' in lower case. */
  override toDb(value: Rgb | null): SqlValue {
    // TODO: '#rrggbb', two lower-case hex digits per channel.
    return value === null ? null : JSON.stringify(value);
  }

  /** From the column (Django's from_db_value). */
  override fromDb(value: unknown): Rgb | null {
    // TODO: parse '#rrggbb' back into { r, g, b }.
    return value === null ? null : (JSON.parse(String(value)) as Rgb);
  }
}

export const ColorField = fieldFactory<Rgb, FieldOptions<Rgb>>(ColorFieldType);
