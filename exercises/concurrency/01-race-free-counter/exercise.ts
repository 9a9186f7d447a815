// A counter that never loses a view — see README.md. Run: npx workbook grade concurrency/01-race-free-counter
import type { Database } from '../../../engine/index.ts';

export class PageNotFound extends Error {}

export async function recordView(db: Database, pageId: number): Promise<void> {
  // TODO: one statement, computed by the database (views = views + 1), and no read first.
  const [page] = await db.query<{ views: number }>('SELECT views FROM page WHERE id = ?', [pageId]);
  if (!page) throw new PageNotFound(`No page with id ${pageId}.`);
  await db.execute('UPDATE page SET views = ? WHERE id = ?', [Number(page.views) + 1, pageId]);
}
