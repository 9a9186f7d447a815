// A search with OR and NOT — see README.md. Run: npx workbook grade querysets/01-q-objects
import { Book } from '../../../exercises/querysets/01-q-objects/models.ts';

export async function searchBooks(options: { term: string; maxPrice: number }): Promise<string[]> {
  // TODO: term in the title OR in the author's name (Q objects), price <= maxPrice, not out of print.
  return Book.objects.filter({ title__icontains: options.term }).orderBy('title').valuesList('title', { flat: true });
}
