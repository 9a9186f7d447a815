// A database of its own for one test file and one dialect: SQLite in memory, or a
// throwaway database on the run's server, dropped when the file is done.
import { connect } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import type { DialectTarget } from './run.ts';
import { createThrowawayDatabase, dropDatabase, throwawayName } from './throwaway.ts';

export class TestDatabase {
  private db: Database | undefined;
  private opening: Promise<Database> | undefined;
  private throwaway: string | undefined;

  constructor(
    readonly target: DialectTarget,
    private readonly runId: string,
    private readonly onOpen: Array<(db: Database) => Promise<void> | void> = [],
  ) {}

  /** Open on first use, and run the suite's setup (tables...) once. */
  get(): Promise<Database> {
    this.opening ??= this.open();
    return this.opening;
  }

  async close(teardown: Array<(db: Database) => Promise<void> | void> = []): Promise<void> {
    if (!this.db) return;
    try {
      for (const fn of teardown) await fn(this.db);
    } finally {
      await this.db.close();
      if (this.throwaway) await dropDatabase(this.target.url, this.throwaway);
    }
  }

  private async open(): Promise<Database> {
    let url = this.target.url;
    if (this.target.dialect !== 'sqlite') {
      this.throwaway = throwawayName(this.runId);
      url = await createThrowawayDatabase(this.target.url, this.throwaway);
    }
    this.db = await connect(url, { alias: 'default', poolSize: 5 });
    for (const fn of this.onOpen) await fn(this.db);
    return this.db;
  }
}
