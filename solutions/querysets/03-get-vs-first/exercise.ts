// Reference solution: exercises/querysets/03-get-vs-first
import { Edition } from '../../../exercises/querysets/03-get-vs-first/models.ts';

/** The edition with this ISBN, or null. A duplicated ISBN is a data error: let MultipleObjectsReturned out. */
export async function byIsbn(isbn: string): Promise<Edition | null> {
  try {
    return await Edition.objects.get({ isbn });
  } catch (err) {
    if (err instanceof Edition.DoesNotExist) return null;
    throw err;
  }
}

/** The author's most recent edition (ties: the lowest id), or null when there is none. */
export async function latestBy(author: string): Promise<Edition | null> {
  return Edition.objects.filter({ author }).orderBy('-year', 'id').first();
}
