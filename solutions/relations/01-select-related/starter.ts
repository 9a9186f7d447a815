// One query for a list with authors — see README.md. Run: npx workbook grade relations/01-select-related
import { Book } from '../../../exercises/relations/01-select-related/models.ts';

export async function bookLines(): Promise<string[]> {
  const lines: string[] = [];
  // TODO: this runs 1 + N queries (one per book, to load its author). Make it one query.
  for (const book of await Book.objects.orderBy('title')) {
    const author = await book.related('author');
    lines.push(`${book.title} (${book.year}) by ${author.name}`);
  }
  return lines;
}
