// A manager with chainable methods — see README.md. Run: npx workbook grade managers/01-chainable-queryset
import { BooleanField, CharField, DecimalField, Model, QuerySet, type ManagerFor } from '../../../engine/index.ts';

export class BookQuerySet extends QuerySet<Book> {
  available(): BookQuerySet {
    throw new Error('TODO: books that are not out of print');
  }
  cheaperThan(_price: number): BookQuerySet {
    throw new Error('TODO: books with a price strictly below `price`');
  }
  byAuthor(_name: string): BookQuerySet {
    throw new Error("TODO: books by that author, ignoring case");
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
