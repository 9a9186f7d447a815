// Known wrong: adds to the instance in memory and saves it: every caller writes its own stale count.
// Fails on: all
import { Post } from '../../../exercises/querysets/05-f-expressions/models.ts';

export async function like(post: Post): Promise<void> {
  post.likes += 1;
  await post.save({ updateFields: ['likes'] });
}
