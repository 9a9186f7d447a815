// Run one test body on every available dialect, named for it: `postgres › rolls back ...`.
// Dialects that this run could not reach are not registered at all; the run's banner said
// why, and WORKBOOK_REQUIRE turns their absence into a failed run.
import { afterAll, describe, inject, test } from 'vitest';
import { connections } from '../db/connections.ts';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/url.ts';
import type { DialectTarget } from './run.ts';
import { TestDatabase } from './test-database.ts';
import { flushDatabase } from './throwaway.ts';

/**
 * rollback: each test runs in a transaction that is rolled back (Django's TestCase).
 * truncate: tests commit for real; every table is emptied after each (TransactionTestCase).
 * none: nothing is undone between tests.
 */
export type Isolation = 'rollback' | 'truncate' | 'none';

type Hook = (db: Database) => Promise<void> | void;

export interface DialectSuite {
  dialect: DialectName;
  target: DialectTarget;
  /** Register a test for this dialect; `db` is this file's own database. */
  test(name: string, fn: (db: Database) => Promise<void> | void, timeoutMs?: number): void;
  /** Runs once before this dialect's first test, outside any test transaction (create tables here). */
  setup(fn: Hook): void;
  /** Runs once after this dialect's last test. */
  teardown(fn: Hook): void;
}

/** The dialects this run can reach, from the run's global setup. */
export function dialectTargets(): DialectTarget[] {
  return inject('workbook').targets;
}

export function describeDialects(
  title: string,
  body: (suite: DialectSuite) => void,
  options: { isolation?: Isolation; only?: (target: DialectTarget) => boolean } = {},
): void {
  const isolation = options.isolation ?? 'rollback';
  const run = inject('workbook');
  describe(title, () => {
    for (const target of run.targets.filter(options.only ?? (() => true))) {
      const setups: Hook[] = [];
      const teardowns: Hook[] = [];
      const database = new TestDatabase(target, run.runId, setups);
      afterAll(() => database.close(teardowns));
      body({
        dialect: target.dialect,
        target,
        setup: (fn) => setups.push(fn),
        teardown: (fn) => teardowns.push(fn),
        test: (name, fn, timeoutMs) =>
          test(
            `${target.dialect} › ${name}`,
            async () => {
              const db = await database.get();
              await connections.run(db, () => isolated(db, isolation, () => fn(db)));
            },
            timeoutMs,
          ),
      });
    }
  });
}

async function isolated(db: Database, isolation: Isolation, fn: () => Promise<void> | void): Promise<void> {
  if (isolation === 'rollback') return db.rollbackAfter(fn);
  try {
    await fn();
  } finally {
    if (isolation === 'truncate') await flushDatabase(db);
  }
}
