// The models of this exercise (you do not need to change them). Tables: shelf_author, shelf_book.
import { CASCADE, CharField, ForeignKey, IntegerField, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Author extends Model.define('shelf', 'Author', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Author>;
  declare books: RelatedManager<Book>;
}

export class Book extends Model.define('shelf', 'Book', {
  title: CharField({ maxLength: 120 }),
  year: IntegerField(),
  author: ForeignKey(() => Author, { onDelete: CASCADE, relatedName: 'books' }),
}) {
  declare static objects: Manager<Book>;
}

export const models = [Author, Book];
