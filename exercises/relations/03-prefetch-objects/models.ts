// The models of this exercise (you do not need to change them). Tables: blogroll_blogger, blogroll_entry.
import { BooleanField, CASCADE, CharField, ForeignKey, IntegerField, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Blogger extends Model.define('blogroll', 'Blogger', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Blogger>;
  declare entries: RelatedManager<Entry>;
}

export class Entry extends Model.define('blogroll', 'Entry', {
  title: CharField({ maxLength: 120 }),
  published: BooleanField({ default: false }),
  week: IntegerField(),
  blogger: ForeignKey(() => Blogger, { onDelete: CASCADE, relatedName: 'entries' }),
}) {
  declare static objects: Manager<Entry>;
}

export const models = [Blogger, Entry];
