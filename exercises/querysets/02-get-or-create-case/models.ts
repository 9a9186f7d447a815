// The model of this exercise (you do not need to change it). Table: tagging_tag.
import { CharField, Manager, Model } from '../../../engine/index.ts';

export class Tag extends Model.define('tagging', 'Tag', {
  name: CharField({ maxLength: 50 }),
}) {
  declare static objects: Manager<Tag>;
}

export const models = [Tag];
