// The models of this exercise (you do not need to change them). Tables: prize_writer, prize_novel, prize_award.
import { CASCADE, CharField, ForeignKey, IntegerField, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Writer extends Model.define('prize', 'Writer', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Writer>;
  declare novels: RelatedManager<Novel>;
  declare awards: RelatedManager<Award>;
}

export class Novel extends Model.define('prize', 'Novel', {
  title: CharField({ maxLength: 120 }),
  writer: ForeignKey(() => Writer, { onDelete: CASCADE, relatedName: 'novels' }),
}) {
  declare static objects: Manager<Novel>;
}

export class Award extends Model.define('prize', 'Award', {
  name: CharField({ maxLength: 80 }),
  year: IntegerField(),
  writer: ForeignKey(() => Writer, { onDelete: CASCADE, relatedName: 'awards' }),
}) {
  declare static objects: Manager<Award>;
}

export const models = [Writer, Novel, Award];
