// getOrCreate, whatever the case — see README.md. Run: npx workbook grade querysets/02-get-or-create-case
import { Tag } from '../../../exercises/querysets/02-get-or-create-case/models.ts';

export async function tagFor(name: string): Promise<[Tag, boolean]> {
  // TODO: find the tag whatever its case (and create it, spelled as typed, when there is none).
  return [new Tag({ name }), true];
}
