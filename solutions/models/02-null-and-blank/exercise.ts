// Reference solution: exercises/models/02-null-and-blank
import { CharField, DateField, EmailField, Manager, Model, ValidationError } from '../../../engine/index.ts';

export class Profile extends Model.define('people', 'Profile', {
  email: EmailField({ maxLength: 120 }), // required: neither null nor blank
  // Text that may be empty: blank in validation, '' in the database (Django's convention: one empty value, not two).
  nickname: CharField({ maxLength: 40, blank: true, default: '' }),
  // A date that may be unknown: there is no "empty date", so NULL (null) and optional (blank).
  birthDate: DateField({ null: true, blank: true }),
}) {
  declare static objects: Manager<Profile>;
}

export interface SignUp {
  email: string;
  nickname: string;
  birthDate: string | null; // YYYY-MM-DD
}

/** Validate with fullClean() and save; on invalid input save nothing and return the messages per field. */
export async function register(data: SignUp): Promise<{ saved: Profile } | { errors: Record<string, string[]> }> {
  const profile = new Profile({ email: data.email, nickname: data.nickname, birthDate: data.birthDate });
  try {
    await profile.fullClean(); // save() does not validate: Django's rule, mirrored
  } catch (err) {
    if (err instanceof ValidationError) return { errors: err.messageDict };
    throw err;
  }
  await profile.save();
  return { saved: profile };
}
