// The models of this exercise (you do not need to change them). Tables: qshop_author, qshop_book.
import { BooleanField, CASCADE, CharField, DecimalField, ForeignKey, Manager, Model } from '../../../engine/index.ts';

export class Author extends Model.define('qshop', 'Author', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Author>;
}

export class Book extends Model.define('qshop', 'Book', {
  title: CharField({ maxLength: 120 }),
  price: DecimalField({ maxDigits: 8, decimalPlaces: 2 }),
  outOfPrint: BooleanField({ default: false }),
  author: ForeignKey(() => Author, { onDelete: CASCADE, relatedName: 'books' }),
}) {
  declare static objects: Manager<Book>;
}

export const models = [Author, Book];
