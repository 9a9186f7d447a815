// A dry run that always rolls back — see README.md. Run: npx workbook grade transactions/04-dry-run
import type { Database } from '../../../engine/index.ts';

export async function dryRun<T>(db: Database, work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  // TODO: run `work` in db.atomic(), record its statements (db.log.capture), and mark the block
  //       for rollback with db.setRollback(true) so none of its changes are kept.
  const result = await work();
  return { result, sql: [] };
}
