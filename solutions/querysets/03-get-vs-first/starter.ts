// get() or first()? — see README.md. Run: npx workbook grade querysets/03-get-vs-first
import { Edition } from '../../../exercises/querysets/03-get-vs-first/models.ts';

export async function byIsbn(isbn: string): Promise<Edition | null> {
  // TODO: exactly one edition, or null when there is none; a duplicated ISBN must raise.
  return Edition.objects.get({ isbn });
}

export async function latestBy(author: string): Promise<Edition | null> {
  // TODO: the most recent edition (ties: lowest id), or null.
  return Edition.objects.get({ author });
}
