// Django's assertNumQueries: run `fn` and fail, listing the statements, unless exactly `n`
// queries ran. BEGIN/COMMIT/SAVEPOINT are not counted (they are logged, kind 'transaction').
import { connections } from '../db/connections.ts';
import type { Database } from '../db/database.ts';
import { formatQueries } from '../db/query-log.ts';

export class QueryCountError extends Error {}

export async function assertNumQueries<T>(
  expected: number,
  fn: () => Promise<T> | T,
  options: { using?: Database; countTransactionControl?: boolean } = {},
): Promise<T> {
  const db = options.using ?? connections.get();
  const { result, queries } = await db.log.capture(fn);
  const counted = options.countTransactionControl ? queries : queries.filter((q) => q.kind === 'query');
  if (counted.length !== expected) {
    throw new QueryCountError(
      `Expected ${expected} ${expected === 1 ? 'query' : 'queries'}, but ${counted.length} ran:\n${formatQueries(counted)}`,
    );
  }
  return result;
}
