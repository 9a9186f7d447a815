// Reference solution: exercises/transactions/04-dry-run
import type { Database } from '../../../engine/index.ts';

export async function dryRun<T>(db: Database, work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  return db.atomic(async () => {
    const { result, queries } = await db.log.capture(work);
    // Roll back when the block ends, instead of committing; atomic() still returns normally.
    db.setRollback(true);
    return { result, sql: queries.filter((q) => q.kind === 'query').map((q) => q.sql) };
  });
}
