// The models of this exercise (you do not need to change them). Tables: critic_film, critic_review.
import { CASCADE, CharField, DateTimeField, ForeignKey, IntegerField, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Film extends Model.define('critic', 'Film', {
  title: CharField({ maxLength: 120 }),
}) {
  declare static objects: Manager<Film>;
  declare reviews: RelatedManager<Review>;
}

export class Review extends Model.define('critic', 'Review', {
  film: ForeignKey(() => Film, { onDelete: CASCADE, relatedName: 'reviews' }),
  stars: IntegerField(),
  writtenAt: DateTimeField(),
}) {
  declare static objects: Manager<Review>;
}

export const models = [Film, Review];
