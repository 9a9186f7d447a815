// Known wrong: names the model tables but keeps an automatic join table (library_book_authors), so roles have nowhere to live.
// Fails on: all
import { CASCADE, CharField, ForeignKey, IntegerField, ManyToManyField, Manager, Model, type ManyRelatedManager } from '../../../engine/index.ts';

export class Author extends Model.define('library', 'Author', {
  name: CharField({ maxLength: 80 }),
}, { dbTable: 'library_author' }) {
  declare static objects: Manager<Author>;
  declare books: ManyRelatedManager<Book>;
}

export class Book extends Model.define('library', 'Book', {
  title: CharField({ maxLength: 120 }),
  authors: ManyToManyField(() => Author, { relatedName: 'books' }),
}, { dbTable: 'library_book' }) {
  declare static objects: Manager<Book>;
}

export class Authorship extends Model.define('library', 'Authorship', {
  book: ForeignKey(() => Book, { onDelete: CASCADE }),
  author: ForeignKey(() => Author, { onDelete: CASCADE }),
  role: CharField({ maxLength: 20, default: 'author' }),
  position: IntegerField({ default: 1 }),
}, { dbTable: 'library_authorship' }) {
  declare static objects: Manager<Authorship>;
}

export const models = [Author, Book, Authorship];
