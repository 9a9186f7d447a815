// Known wrong: each method starts again from Book.objects, so the earlier links of a chain are dropped.
// Fails on: all
import { BooleanField, CharField, DecimalField, Model, QuerySet, type ManagerFor } from '../../../engine/index.ts';

export class BookQuerySet extends QuerySet<Book> {
  /** In print. Each method adds to `this`, so the methods chain in any order. */
  available(): BookQuerySet {
    return Book.objects.filter({ outOfPrint: false });
  }
  cheaperThan(price: number): BookQuerySet {
    return Book.objects.filter({ price__lt: price });
  }
  byAuthor(name: string): BookQuerySet {
    return Book.objects.filter({ authorName__iexact: name });
  }
}

export class Book extends Model.define('catalog', 'Book', {
  title: CharField({ maxLength: 120 }),
  authorName: CharField({ maxLength: 80 }),
  price: DecimalField({ maxDigits: 8, decimalPlaces: 2 }),
  outOfPrint: BooleanField({ default: false }),
}) {
  static override objects: ManagerFor<BookQuerySet> = BookQuerySet.asManager(this);
}
