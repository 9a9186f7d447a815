// Reference solution: exercises/concurrency/01-race-free-counter
import type { Database } from '../../../engine/index.ts';

export class PageNotFound extends Error {}

export async function recordView(db: Database, pageId: number): Promise<void> {
  // The database adds one to the row's current value: no read, so nothing to race with.
  const result = await db.execute('UPDATE page SET views = views + 1 WHERE id = ?', [pageId]);
  if (result.rowCount === 0) throw new PageNotFound(`No page with id ${pageId}.`);
}
