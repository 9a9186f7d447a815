// Models for the runnable examples of lessons/03-models-and-fields.md. In a module of their own
// so that they are defined once, however many databases the examples run on.
import { CharField, DateField, DateTimeField, EmailField, IntegerField, Manager, Model } from '../../engine/index.ts';

export class Person extends Model.define('lesson_models', 'Person', {
  email: EmailField({ maxLength: 120 }), // required
  nickname: CharField({ maxLength: 40, blank: true, default: '' }), // may be empty: ''
  birthDate: DateField({ null: true, blank: true }), // may be unknown: NULL
}, { dbTable: 'person' }) {
  declare static objects: Manager<Person>;
}

// An abstract base: no table of its own; its fields are copied into each model that extends it.
export class Timestamped extends Model.define('lesson_models', 'Timestamped', {
  createdAt: DateTimeField({ autoNowAdd: true }),
  updatedAt: DateTimeField({ autoNow: true }),
}, { abstract: true }) {}

export class Article extends Timestamped.define('lesson_models', 'Article', {
  title: CharField({ maxLength: 100 }),
  words: IntegerField({ default: 0 }),
}, { dbTable: 'article', ordering: ['title'] }) {
  declare static objects: Manager<Article>;
}

// A proxy: the same table, another class — its own ordering and methods.
export class LongRead extends Article.define('lesson_models', 'LongRead', {}, { proxy: true, ordering: ['-words'] }) {
  declare static objects: Manager<LongRead>;
  get minutes(): number {
    return Math.ceil(this.words / 250);
  }
}

export const lessonModels = [Person, Article];
