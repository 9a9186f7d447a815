// Which field converts an expression's values (Django's output_field resolution). Same types
// combine to that type; Integer with Decimal gives Decimal, Integer with Float gives Float
// (Django's _connector_combinations); anything else needs an explicit outputField.
import { Field } from '../models/fields/field.ts';
import { BooleanField, CharField, FloatField, IntegerField } from '../models/fields/scalar.ts';
import { DateTimeField } from '../models/fields/temporal.ts';

const INTEGER = /^(Integer|BigInteger|PositiveInteger|Auto|BigAuto)Field$/;
const TEXT = /^(Char|Text|Email|Slug)Field$/;

/** The family a field's values belong to: fields of one family combine without a cast. */
function family(kind: string): string {
  if (INTEGER.test(kind)) return 'integer';
  if (TEXT.test(kind)) return 'text';
  return kind;
}

/** The result type of `lhs <operator> rhs`, or the error Django gives when there is none. */
export function combinedOutputField(operator: string, lhs: Field | undefined, rhs: Field | undefined): { field?: Field; error?: string } {
  if (!lhs || !rhs) return { field: lhs ?? rhs };
  const [a, b] = [family(lhs.kind), family(rhs.kind)];
  if (a === b) return { field: lhs };
  const numeric = new Set([a, b]);
  if (numeric.has('integer') && numeric.has('DecimalField')) return { field: a === 'DecimalField' ? lhs : rhs };
  if (numeric.has('integer') && numeric.has('FloatField')) return { field: a === 'FloatField' ? lhs : rhs };
  return {
    error: `Cannot infer type of '${operator}' expression involving these types: ${lhs.kind}, ${rhs.kind}. ` +
      'You must set outputField (wrap it: new ExpressionWrapper(expression, FloatField())).',
  };
}

/** The one type of several sources (a function's arguments, Case's branches), or a FieldError message. */
export function commonOutputField(fields: Array<Field | undefined>): { field?: Field; error?: string } {
  const known = fields.filter((f): f is Field => f !== undefined);
  if (!known.length) return {};
  const families = new Set(known.map((f) => family(f.kind)));
  if (families.size === 1) return { field: known[0] };
  return {
    error: `Expression contains mixed types: ${[...new Set(known.map((f) => f.kind))].join(', ')}. You must set outputField.`,
  };
}

/** A plain value's type, as Django's Value infers it from the Python type. */
export function valueOutputField(value: unknown): Field | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? IntegerField() : FloatField();
  if (typeof value === 'bigint') return IntegerField();
  if (typeof value === 'string') return CharField({ maxLength: 255 });
  if (typeof value === 'boolean') return BooleanField();
  if (value instanceof Date) return DateTimeField();
  return undefined;
}

/** The field of an expression whose type is unknown: values pass through unconverted. */
class UntypedField extends Field {
  kind = 'Field';
}
export const untypedField: Field = new UntypedField();
