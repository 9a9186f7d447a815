// The model of this exercise (you do not need to change it). Table: isbn_edition.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Edition extends Model.define('isbn', 'Edition', {
  isbn: CharField({ maxLength: 20 }), // not unique in this (imported, messy) data
  title: CharField({ maxLength: 120 }),
  author: CharField({ maxLength: 80 }),
  year: IntegerField(),
}) {
  declare static objects: Manager<Edition>;
}
