// Known wrong: a plain getOrCreate({ name }) compares with "=": exact on SQLite and PostgreSQL, so "django" makes a second tag there.
// Fails on: sqlite, postgres
import { Tag } from '../../../exercises/querysets/02-get-or-create-case/models.ts';

export async function tagFor(name: string): Promise<[Tag, boolean]> {
  return Tag.objects.getOrCreate({ name });
}
