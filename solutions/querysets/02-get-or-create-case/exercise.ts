// Reference solution: exercises/querysets/02-get-or-create-case
import { Tag } from '../../../exercises/querysets/02-get-or-create-case/models.ts';

export async function tagFor(name: string): Promise<[Tag, boolean]> {
  // __iexact finds any spelling on every database; a lookup with "__" is not used to create,
  // so `defaults` gives the new row its name, as typed.
  return Tag.objects.getOrCreate({ name__iexact: name }, { defaults: { name } });
}
