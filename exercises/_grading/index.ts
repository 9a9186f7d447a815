// What every grader uses: one test body per dialect (engine/testing's describeDialects), run on
// the visible seed data and on a hidden data set, with the SQL that ran attached to a failure.
import { inject } from 'vitest';
import type { Database, LoggedQuery } from '../../engine/index.ts';
import { connect, formatQueries } from '../../engine/index.ts';
import { withDatabase } from '../../engine/db/url.ts';
import { describeDialects, type DialectSuite, type Isolation } from '../../engine/testing/index.ts';

/** The line that separates a failure's message from the SQL that ran; the CLI splits on it. */
export const SQL_MARKER = 'SQL that ran for this check:';
const MAX_SQL_SHOWN = 12;

export interface GraderSuite {
  dialect: DialectSuite['dialect'];
  /** Runs once per dialect before the tests (create tables here). */
  setup(fn: (db: Database) => Promise<unknown> | unknown): void;
  /** A graded check. A failure carries the statements `db` ran during the check. */
  test(name: string, fn: (db: Database) => Promise<void> | void, timeoutMs?: number): void;
}

export function gradeOnDialects(
  title: string,
  body: (suite: GraderSuite) => void,
  options: { isolation?: Isolation } = {},
): void {
  describeDialects(
    title,
    (t) => {
      // No teardown: the run's throwaway database (or SQLite's memory) goes away with the file.
      body({
        dialect: t.dialect,
        setup: (fn) => t.setup(async (db) => void (await fn(db))),
        test: (name, fn, timeoutMs) => t.test(name, (db) => withSqlOnFailure(db, () => fn(db)), timeoutMs),
      });
    },
    options,
  );
}

/** Run a check; if it fails, append the statements it ran to the error's message. */
export async function withSqlOnFailure(db: Database, fn: () => Promise<void> | void): Promise<void> {
  let failure: unknown;
  const { queries } = await db.log.capture(async () => {
    try {
      await fn();
    } catch (err) {
      failure = err;
    }
  });
  if (failure === undefined) return;
  if (failure instanceof Error) {
    failure.message = `${failure.message}\n\n${SQL_MARKER}\n${describeQueries(queries)}`;
  }
  throw failure;
}

function describeQueries(queries: LoggedQuery[]): string {
  const shown = queries.slice(-MAX_SQL_SHOWN);
  const skipped = queries.length - shown.length;
  const lines = formatQueries(shown).split('\n').map(shorten);
  return (skipped > 0 ? [`  (${skipped} earlier statements not shown)`, ...lines] : lines).join('\n');
}

const MAX_LINE = 300;
function shorten(line: string): string {
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE)} … (${line.length - MAX_LINE} more characters)`;
}

// ——— Data sets ———

/** A data set a check runs on: the seed the README shows, or one made up for this run. */
export interface DataSet<T> {
  label: 'seed data' | 'hidden data';
  data: T;
}

/**
 * The visible seed and a hidden data set built from a random source that changes every run
 * (the same for every dialect within a run), so an answer that hard-codes ids or values fails.
 */
export function dataSets<T>(seed: T, hidden: (random: Random) => T): Array<DataSet<T>> {
  return [
    { label: 'seed data', data: seed },
    { label: 'hidden data', data: hidden(new Random(hashOf(inject('workbook').runId))) },
  ];
}

/** A small seeded generator (mulberry32): reproducible within a run, different between runs. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** `count` distinct integers in [min, max], in random order. */
  distinctInts(count: number, min: number, max: number): number[] {
    const seen = new Set<number>();
    while (seen.size < count) seen.add(this.int(min, max));
    return [...seen];
  }
  word(length = 6): string {
    let s = '';
    for (let i = 0; i < length; i++) s += 'abcdefghijklmnopqrstuvwxyz'[this.int(0, 25)];
    return s;
  }
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** The statements (not BEGIN/COMMIT) that `fn` ran on `db`, with its result. */
export async function statementsOf<T>(db: Database, fn: () => Promise<T> | T): Promise<{ result: T; sql: LoggedQuery[] }> {
  const { result, queries } = await db.log.capture(fn);
  return { result, sql: queries.filter((q) => q.kind === 'query') };
}

/** An auto-numbered primary key column, written the way each database wants it. */
export function autoId(db: Database): string {
  if (db.dialect.name === 'postgres') return 'id SERIAL PRIMARY KEY';
  if (db.dialect.name === 'mysql') return 'id INTEGER PRIMARY KEY AUTO_INCREMENT';
  return 'id INTEGER PRIMARY KEY';
}

/**
 * Another connection to the same database, for what other sessions see (only committed rows)
 * and for concurrent work. SQLite in memory has one connection: the same Database comes back.
 * Close it with `closeSecond`.
 */
export async function secondConnection(db: Database): Promise<Database> {
  if (db.dialect.name === 'sqlite') return db;
  const target = inject('workbook').targets.find((t) => t.dialect === db.dialect.name);
  if (!target || !db.url.database) throw new Error(`No server target for ${db.dialect.name} in this run.`);
  return connect(withDatabase(target.url, db.url.database), { alias: 'second', poolSize: 10 });
}

export async function closeSecond(db: Database, second: Database): Promise<void> {
  if (second !== db) await second.close();
}
