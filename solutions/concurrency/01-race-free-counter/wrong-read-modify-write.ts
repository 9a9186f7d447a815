// Known wrong: read-modify-write; two requests that read the same count write the same count + 1.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export class PageNotFound extends Error {}

export async function recordView(db: Database, pageId: number): Promise<void> {
  const [page] = await db.query<{ views: number }>('SELECT views FROM page WHERE id = ?', [pageId]);
  if (!page) throw new PageNotFound(`No page with id ${pageId}.`);
  await db.execute('UPDATE page SET views = ? WHERE id = ?', [Number(page.views) + 1, pageId]);
}
