// Known wrong: race-free, but checks the page exists with a SELECT first: two statements per view, over the budget.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export class PageNotFound extends Error {}

export async function recordView(db: Database, pageId: number): Promise<void> {
  const found = await db.query('SELECT 1 AS one FROM page WHERE id = ?', [pageId]);
  if (found.length === 0) throw new PageNotFound(`No page with id ${pageId}.`);
  await db.execute('UPDATE page SET views = views + 1 WHERE id = ?', [pageId]);
}
