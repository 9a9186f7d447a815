// Reference solution: exercises/querysets/05-f-expressions
import { F } from '../../../engine/index.ts';
import { Post } from '../../../exercises/querysets/05-f-expressions/models.ts';

export async function like(post: Post): Promise<void> {
  // The database adds one to the row's current value: one UPDATE, no read, no lost likes.
  await Post.objects.filter({ pk: post.pk }).update({ likes: F('likes').add(1) });
}
