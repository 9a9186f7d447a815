// Graders for README.md. They import your ./exercise.ts. Tests commit for real and run concurrently.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { assertNumQueries } from '../../../engine/testing/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { like } from './exercise.ts';
import { Post } from './models.ts';

const sets = dataSets<{ title: string; likes: number; calls: number }>(
  { title: 'hello', likes: 3, calls: 20 },
  (random) => ({ title: random.word(7), likes: random.int(0, 900), calls: random.int(15, 30) }),
);

gradeOnDialects(
  'querysets/05-f-expressions',
  (t) => {
    t.setup((db) => createTables(db, [Post]));

    for (const { label, data } of sets) {
      t.test(`${data.calls} concurrent likes from stale copies are all counted (${label})`, async () => {
        const created = await Post.objects.create({ title: data.title, likes: data.likes });
        const copies = await Promise.all(Array.from({ length: data.calls }, () => Post.objects.get({ pk: created.pk })));
        await Promise.all(copies.map((copy) => like(copy)));
        const after = await Post.objects.get({ pk: created.pk });
        expect(after.likes, `likes after ${data.calls} likes on a post that had ${data.likes}`).toBe(data.likes + data.calls);
      });

      t.test(`one like is one statement (${label})`, async (db) => {
        const post = await Post.objects.create({ title: data.title, likes: data.likes });
        await assertNumQueries(1, () => like(post), { using: db });
      });
    }
  },
  { isolation: 'truncate' },
);
