// The model of this exercise (you do not need to change it). Table: social_post.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Post extends Model.define('social', 'Post', {
  title: CharField({ maxLength: 80 }),
  likes: IntegerField({ default: 0 }),
}) {
  declare static objects: Manager<Post>;
}
