// Name your tables — see README.md. Run: npx workbook grade models/01-explicit-names
import { CASCADE, CharField, ForeignKey, IntegerField, ManyToManyField, Manager, Model, type ManyRelatedManager } from '../../../engine/index.ts';

// TODO: give every table an explicit name (Meta dbTable): library_author, library_book,
//       library_authorship.
export class Author extends Model.define('library', 'Author', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Author>;
  declare books: ManyRelatedManager<Book>;
}

export class Book extends Model.define('library', 'Book', {
  title: CharField({ maxLength: 120 }),
  // TODO: make the join table the Authorship model below (`through`), not an automatic one.
  authors: ManyToManyField(() => Author, { relatedName: 'books' }),
}) {
  declare static objects: Manager<Book>;
}

export class Authorship extends Model.define('library', 'Authorship', {
  book: ForeignKey(() => Book, { onDelete: CASCADE }),
  author: ForeignKey(() => Author, { onDelete: CASCADE }),
  role: CharField({ maxLength: 20, default: 'author' }),
  position: IntegerField({ default: 1 }),
}) {
  declare static objects: Manager<Authorship>;
}

export const models = [Author, Book, Authorship];
