// The blog the model and query tests share: Author, Post (FK + M2M Tag), Comment.
import {
  BooleanField,
  CASCADE,
  CharField,
  DateTimeField,
  EmailField,
  ForeignKey,
  IntegerField,
  Manager,
  ManyToManyField,
  Model,
  SET_NULL,
  TextField,
  type ManyRelatedManager,
  type RelatedManager,
} from '../../index.ts';

export class Author extends Model.define('blog', 'Author', {
  name: CharField({ maxLength: 100 }),
  email: EmailField({ unique: true }),
  bio: TextField({ null: true, blank: true }),
}, { ordering: ['name'] }) {
  // Only needed because this class adds members (display): querysets then return Authors.
  declare static objects: Manager<Author>;
  declare posts: RelatedManager<Post>;
  declare edited: RelatedManager<Post>;
  get display(): string {
    return this.name.toUpperCase();
  }
  override toString(): string {
    return this.name;
  }
}

export class Tag extends Model.define('blog', 'Tag', {
  name: CharField({ maxLength: 50, unique: true }),
}) {
  declare static objects: Manager<Tag>;
  declare posts: ManyRelatedManager<Post>;
}

export class Post extends Model.define('blog', 'Post', {
  title: CharField({ maxLength: 200 }),
  body: TextField({ default: '' }),
  author: ForeignKey(() => Author, { onDelete: CASCADE, relatedName: 'posts' }),
  editor: ForeignKey(() => Author, { onDelete: SET_NULL, null: true, relatedName: 'edited' }),
  published: BooleanField({ default: false }),
  views: IntegerField({ default: 0 }),
  createdAt: DateTimeField({ autoNowAdd: true }),
  tags: ManyToManyField(() => Tag, { relatedName: 'posts' }),
}) {
  declare static objects: Manager<Post>;
  declare comments: RelatedManager<Comment>;
}

export class Comment extends Model.define('blog', 'Comment', {
  post: ForeignKey(() => Post, { onDelete: CASCADE, relatedName: 'comments' }),
  text: CharField({ maxLength: 500 }),
}) {}

export const blogModels = [Author, Tag, Post, Comment];
