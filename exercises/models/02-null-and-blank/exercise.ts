// Null and blank — see README.md. Run: npx workbook grade models/02-null-and-blank
import { CharField, DateField, EmailField, Manager, Model, ValidationError } from '../../../engine/index.ts';

export class Profile extends Model.define('people', 'Profile', {
  email: EmailField({ maxLength: 120 }),
  // TODO: a nickname may be left empty (stored as '', not NULL).
  nickname: CharField({ maxLength: 40 }),
  // TODO: a birth date may be unknown.
  birthDate: DateField(),
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
  // TODO: the cast hides that birthDate cannot be null yet: fix the field, then drop the cast.
  const profile = new Profile({ email: data.email, nickname: data.nickname, birthDate: data.birthDate as string });
  // TODO: validate first (save() does not), and return { errors } instead of saving invalid data.
  await profile.save();
  return { saved: profile };
}
