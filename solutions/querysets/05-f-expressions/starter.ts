// Likes with F() — see README.md. Run: npx workbook grade querysets/05-f-expressions
import { Post } from '../../../exercises/querysets/05-f-expressions/models.ts';

export async function like(post: Post): Promise<void> {
  // TODO: this reads and writes back: concurrent likes are lost. One UPDATE with F('likes').
  const fresh = await Post.objects.get({ pk: post.pk });
  fresh.likes += 1;
  await fresh.save();
}
