// The databases a build runs on: each dialect is either reachable (a target of the run) or
// not, with the reason. Runnable blocks get one fresh database per lesson per dialect; the
// probes of the dialect lab get one per dialect.
import { setTimeout as delay } from 'node:timers/promises';
import { connect } from '../../engine/db/connect.ts';
import type { Database } from '../../engine/db/database.ts';
import { DIALECT_NAMES, type DialectName } from '../../engine/db/url.ts';
import { runProbes, type ProbeRun } from '../../engine/dialects/index.ts';
import type { WorkbookRun } from '../../engine/testing/run.ts';
import { createThrowawayDatabase, dropDatabase, throwawayName } from '../../engine/testing/throwaway.ts';
import { BLOCK_TIMEOUT_MS, runBlock, type BlockFunction, type BlockOutcome, type RunnableBlock } from './runnable.ts';

export const DIALECT_LABELS: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB' };

export type DialectState =
  | { dialect: DialectName; reachable: true; vendor: string; url: string }
  | { dialect: DialectName; reachable: false; reason: string };

/** Every dialect, in the order of the panels, with what this build can do with it. */
export function dialectStates(run: WorkbookRun): DialectState[] {
  return DIALECT_NAMES.map((dialect): DialectState => {
    const target = run.targets.find((t) => t.dialect === dialect);
    if (target) return { dialect, reachable: true, vendor: target.vendor, url: target.url };
    const skipped = run.skipped.find((s) => s.dialect === dialect);
    return { dialect, reachable: false, reason: skipped ? skipped.reason : 'left out of this build by WORKBOOK_DIALECTS' };
  });
}

/** Open a fresh database for `state`, run `fn`, and drop the database whatever happens. */
export async function withFreshDatabase<T>(
  state: Extract<DialectState, { reachable: true }>,
  runId: string,
  fn: (db: Database) => Promise<T>,
  /** True when `fn`'s result says a connection may still be busy (a timed-out block). */
  abandon: (result: T) => boolean = () => false,
): Promise<T> {
  let url = state.url;
  let throwaway: string | undefined;
  if (state.dialect !== 'sqlite') {
    throwaway = throwawayName(runId);
    url = await createThrowawayDatabase(state.url, throwaway);
  }
  const db = await connect(url, { alias: 'default', poolSize: 2 });
  let stuck = false;
  try {
    const result = await fn(db);
    stuck = abandon(result);
    return result;
  } finally {
    if (!stuck) {
      await db.close();
      if (throwaway) await dropDatabase(state.url, throwaway);
    } else {
      // A timed-out block may still hold a connection, and closing waits for it: give it two
      // seconds, else leave the database to the run's cleanup (or a later run's stale sweep).
      const closed = await Promise.race([db.close().then(() => true), delay(2000).then(() => false)]);
      if (closed && throwaway) await dropDatabase(state.url, throwaway).catch(() => undefined);
    }
  }
}

export interface DialectOutcomes {
  state: DialectState;
  /** 'PostgreSQL 15.20' as the database said at connect, when it was reachable. */
  vendor?: string;
  /** One outcome per block, in order; empty when unreachable. */
  outcomes: BlockOutcome[];
}

/** Run a lesson's compiled blocks, in order, on every reachable dialect (dialects side by side). */
export async function runLessonBlocks(
  blocks: RunnableBlock[],
  compiled: BlockFunction[],
  states: DialectState[],
  runId: string,
  root: string,
  timeoutMs = BLOCK_TIMEOUT_MS,
): Promise<DialectOutcomes[]> {
  return Promise.all(
    states.map(async (state): Promise<DialectOutcomes> => {
      if (!state.reachable) return { state, outcomes: [] };
      return withFreshDatabase(state, runId, async (db) => {
        const outcomes: BlockOutcome[] = [];
        for (const [i, block] of blocks.entries()) {
          if (outcomes.at(-1)?.timedOut) {
            outcomes.push({ queries: [], shown: [], error: `NotRun: the block at line ${blocks[i - 1]!.line} timed out` });
          } else {
            outcomes.push(await runBlock(block, compiled[i]!, db, root, timeoutMs));
          }
        }
        return { state, vendor: db.vendor, outcomes };
      }, (result) => result.outcomes.some((o) => o.timedOut));
    }),
  );
}

export type ProbeColumn = { state: DialectState; run?: ProbeRun; error?: string };

/** The dialect lab's probes on every reachable dialect. */
export async function runProbeMatrix(states: DialectState[], runId: string): Promise<ProbeColumn[]> {
  return Promise.all(
    states.map(async (state): Promise<ProbeColumn> => {
      if (!state.reachable) return { state };
      try {
        return { state, run: await withFreshDatabase(state, runId, (db) => runProbes(db)) };
      } catch (err) {
        return { state, error: (err as Error).message };
      }
    }),
  );
}
