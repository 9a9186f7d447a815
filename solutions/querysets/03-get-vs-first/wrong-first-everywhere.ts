// Known wrong: first() for the ISBN too: a duplicated ISBN silently returns one of them instead of raising.
// Fails on: all
import { Edition } from '../../../exercises/querysets/03-get-vs-first/models.ts';

export async function byIsbn(isbn: string): Promise<Edition | null> {
  return Edition.objects.filter({ isbn }).first();
}

export async function latestBy(author: string): Promise<Edition | null> {
  return Edition.objects.filter({ author }).orderBy('-year', 'id').first();
}
