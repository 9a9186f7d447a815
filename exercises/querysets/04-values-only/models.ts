// The models of this exercise (you do not need to change them). Tables: press_writer, press_article.
import { BooleanField, CASCADE, CharField, DateTimeField, ForeignKey, Manager, Model, TextField } from '../../../engine/index.ts';

export class Writer extends Model.define('press', 'Writer', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Writer>;
}

export class Article extends Model.define('press', 'Article', {
  title: CharField({ maxLength: 160 }),
  body: TextField(), // large: whole articles
  published: BooleanField({ default: false }),
  publishedAt: DateTimeField({ null: true }),
  writer: ForeignKey(() => Writer, { onDelete: CASCADE, relatedName: 'articles' }),
}) {
  declare static objects: Manager<Article>;
}

export const models = [Writer, Article];
