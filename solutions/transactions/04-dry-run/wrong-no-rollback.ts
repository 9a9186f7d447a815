// Known wrong: records the statements but forgets to roll back, so the "dry" run changes the data.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export async function dryRun<T>(db: Database, work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  return db.atomic(async () => {
    const { result, queries } = await db.log.capture(work);
    return { result, sql: queries.filter((q) => q.kind === 'query').map((q) => q.sql) };
  });
}
