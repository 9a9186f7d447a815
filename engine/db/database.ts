// One database, as Django's `connections['default']`: runs statements with bound
// parameters, logs them, maps driver errors, and manages transactions (atomic blocks,
// savepoints, onCommit) on a connection pinned to the async call chain.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Dialect } from './dialect.ts';
import type { Driver, DriverConnection, QueryResult, ServerInfo, SqlValue } from './driver.ts';
import { DatabaseError, ProgrammingError, TransactionManagementError, wrapDriverError } from './errors.ts';
import type { Features } from './features.ts';
import { findPlaceholders } from './placeholders.ts';
import { QueryLog, type LoggedQuery } from './query-log.ts';
import { TransactionState } from './transaction-state.ts';
import type { DatabaseUrl } from './url.ts';

export interface AtomicOptions {
  /** Nested blocks make a savepoint unless this is false (then a failure breaks the outer block). */
  savepoint?: boolean;
}

export class Database {
  readonly log = new QueryLog();
  private readonly transactions = new AsyncLocalStorage<TransactionState>();
  private cursorCount = 0;

  constructor(
    readonly alias: string,
    readonly dialect: Dialect,
    readonly url: DatabaseUrl,
    private readonly driver: Driver,
    readonly server: ServerInfo,
    readonly features: Features,
  ) {}

  /** 'PostgreSQL 15.20', 'MariaDB 10.11.19', 'SQLite 3.46.1'. */
  get vendor(): string {
    return `${this.server.serverName} ${this.server.serverVersion}`;
  }

  /** Django's connection.queries. */
  get queries() {
    return this.log.queries;
  }

  quoteName(name: string): string {
    return this.dialect.quoteName(name);
  }

  /** Run a statement and return its rows. `?` marks each parameter. */
  async query<Row = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.execute(sql, params)).rows as Row[];
  }

  /** Run a statement and return rows, the affected row count and any generated id. */
  async execute(sql: string, params: readonly SqlValue[] = []): Promise<QueryResult> {
    this.checkParams(sql, params);
    const state = this.transactions.getStore();
    if (state) {
      state.assertUsable();
      return this.runOn(state.conn, sql, params, 'query', state);
    }
    const conn = await this.acquire();
    try {
      return await this.runOn(conn, sql, params, 'query');
    } finally {
      conn.release();
    }
  }

  /**
   * The rows of one SELECT, `size` at a time, without holding the whole result: Django's
   * server-side cursors, under QuerySet.iterator(). How depends on features.chunkedReads.
   * The loop body may run other statements, inside a transaction or not.
   */
  async *chunks<Row = Record<string, unknown>>(sql: string, params: readonly SqlValue[], size: number): AsyncGenerator<Row[]> {
    this.checkParams(sql, params);
    const state = this.transactions.getStore();
    state?.assertUsable();
    const mode = this.features.chunkedReads;
    if (mode === 'pages') {
      throw new ProgrammingError(`${this.vendor} has no cursor that stays open while other statements write: page with LIMIT/OFFSET instead (QuerySet.iterator() does).`);
    }
    if (mode === 'declare') {
      yield* this.cursorChunks(sql, params, size, state) as AsyncGenerator<Row[]>;
      return;
    }
    if (state) {
      // A half-read stream would block the pinned connection that the loop body's statements
      // need: inside a transaction the result is read whole, as Django always does on MySQL.
      const { rows } = await this.runOn(state.conn, sql, params, 'query', state);
      for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size) as Row[];
      return;
    }
    const conn = await this.acquire();
    const started = performance.now();
    let logged = false;
    const log = (error?: string) => {
      if (logged) return;
      logged = true;
      this.log.record({ sql, params, durationMs: performance.now() - started, kind: 'query', ...(error ? { error } : {}) });
    };
    try {
      for await (const rows of conn.stream!(sql, params, size)) {
        log(); // once, when the first rows arrive
        yield rows as Row[];
      }
      log();
    } catch (err) {
      const error = wrapDriverError(err, this.dialect.mapError(err, this.url), sql);
      log(error.message);
      throw error;
    } finally {
      conn.release();
    }
  }

  /** True inside an atomic block (or a test's rolled-back transaction). */
  get inAtomicBlock(): boolean {
    return this.transactions.getStore() !== undefined;
  }

  /**
   * Run `fn` in a transaction (Django's `with transaction.atomic():`). Commits when it
   * returns, rolls back when it throws. Nested calls become savepoints.
   */
  async atomic<T>(fn: () => Promise<T> | T, options: AtomicOptions = {}): Promise<T> {
    const state = this.transactions.getStore();
    if (state) return this.nestedAtomic(state, fn, options.savepoint !== false);
    return this.outermostAtomic(fn);
  }

  /** Wrap a function so every call runs in atomic (Django's `@transaction.atomic`). */
  atomicWrap<Args extends unknown[], T>(fn: (...args: Args) => Promise<T> | T, options: AtomicOptions = {}) {
    return (...args: Args): Promise<T> => this.atomic(() => fn(...args), options);
  }

  /**
   * Run `fn` after the outermost transaction commits; dropped if the block (or savepoint)
   * it was registered in rolls back. Outside any transaction it runs at once.
   */
  async onCommit(fn: () => unknown): Promise<void> {
    const state = this.transactions.getStore();
    if (!state) {
      await fn();
      return;
    }
    state.addCallback(fn);
  }

  /** Create a savepoint inside an atomic block and return its name (Django's savepoint()). */
  async savepoint(): Promise<string> {
    const state = this.requireTransaction('savepoint()');
    state.assertUsable();
    const name = state.nextSavepointName();
    await this.control(state.conn, `SAVEPOINT ${name}`);
    state.openSavepoint(name);
    return name;
  }

  /** Undo everything since the savepoint; it clears a failure so the block can go on. */
  async savepointRollback(name: string): Promise<void> {
    const state = this.requireSavepoint('savepointRollback()', name);
    await this.control(state.conn, `ROLLBACK TO SAVEPOINT ${name}`);
    state.dropCallbacksOf(name);
    const owner = state.failureOwner();
    if (owner) owner.failure = null;
  }

  /** Keep what was done since the savepoint and forget the savepoint. */
  async savepointCommit(name: string): Promise<void> {
    const state = this.requireSavepoint('savepointCommit()', name);
    await this.control(state.conn, `RELEASE SAVEPOINT ${name}`);
    state.closeSavepoint(name);
  }

  /** Django's get_rollback(): will the current block roll back? */
  getRollback(): boolean {
    return Boolean(this.requireTransaction('getRollback()').failureOwner()?.failure);
  }

  /** Django's set_rollback(): force the current block to roll back, or clear that mark. */
  setRollback(rollback: boolean): void {
    const owner = this.requireTransaction('setRollback()').failureOwner();
    if (owner) owner.failure = rollback ? new TransactionManagementError('setRollback(true) was called') : null;
  }

  /**
   * Run `fn` in a transaction that always rolls back (Django's TestCase isolation).
   * Atomic blocks inside it become savepoints; onCommit callbacks never run.
   */
  async rollbackAfter<T>(fn: () => Promise<T> | T): Promise<T> {
    const conn = await this.acquire();
    const state = new TransactionState(conn, true);
    try {
      await this.control(conn, 'BEGIN');
      state.pushFrame(null);
      return await this.transactions.run(state, fn);
    } finally {
      await this.rollbackQuietly(conn);
      conn.release();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  // ——— internals ———

  private async outermostAtomic<T>(fn: () => Promise<T> | T): Promise<T> {
    const conn = await this.acquire();
    const state = new TransactionState(conn);
    let result: T;
    try {
      await this.control(conn, 'BEGIN');
      const frame = state.pushFrame(null);
      result = await this.transactions.run(state, fn);
      if (frame.failure) {
        // The block swallowed a database error: Django rolls back instead of committing.
        await this.control(conn, 'ROLLBACK');
        return result;
      }
      await this.control(conn, 'COMMIT');
    } catch (err) {
      await this.rollbackQuietly(conn);
      throw err;
    } finally {
      conn.release();
    }
    for (const callback of state.takeCallbacks()) await callback();
    return result;
  }

  private async nestedAtomic<T>(state: TransactionState, fn: () => Promise<T> | T, savepoint: boolean): Promise<T> {
    state.assertUsable();
    if (!savepoint) {
      const frame = state.pushFrame(null);
      try {
        return await fn();
      } catch (err) {
        // No savepoint to return to: the enclosing block must roll back as a whole.
        state.markFailed(err instanceof DatabaseError ? err : new TransactionManagementError(String(err)));
        throw err;
      } finally {
        state.popFrame(frame);
      }
    }
    const name = state.nextSavepointName();
    await this.control(state.conn, `SAVEPOINT ${name}`);
    const frame = state.pushFrame(name);
    try {
      const result = await fn();
      if (frame.failure) await this.undoSavepoint(state, name);
      else await this.control(state.conn, `RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await this.undoSavepoint(state, name);
      throw err;
    } finally {
      state.popFrame(frame);
    }
  }

  private async undoSavepoint(state: TransactionState, name: string): Promise<void> {
    await this.control(state.conn, `ROLLBACK TO SAVEPOINT ${name}`);
    await this.control(state.conn, `RELEASE SAVEPOINT ${name}`);
    state.dropCallbacksOf(name);
  }

  /** DECLARE ... CURSOR and FETCH FORWARD: in the caller's transaction, or in one of its own. */
  private async *cursorChunks(sql: string, params: readonly SqlValue[], size: number, state: TransactionState | undefined) {
    const name = `wb_cursor_${++this.cursorCount}`;
    const own = state ? undefined : await this.acquire();
    const conn = state?.conn ?? own!;
    let open = false;
    let failed = false;
    try {
      if (own) await this.control(own, 'BEGIN');
      await this.runOn(conn, `DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params, 'query', state);
      open = true;
      for (;;) {
        const { rows } = await this.runOn(conn, `FETCH FORWARD ${size} FROM ${name}`, [], 'cursor', state);
        if (rows.length) yield rows;
        if (rows.length < size) break;
      }
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      // Also reached when the loop stops early: the cursor is closed, the connection freed.
      // A transaction the loop body broke cannot run CLOSE; its rollback closes the cursor.
      const usable = !failed && !state?.failureOwner()?.failure;
      try {
        if (open && usable) await this.runOn(conn, `CLOSE ${name}`, [], 'cursor', state);
        if (own) await (usable ? this.control(own, 'COMMIT') : this.rollbackQuietly(own));
      } finally {
        own?.release();
      }
    }
  }

  private async acquire(): Promise<DriverConnection> {
    try {
      return await this.driver.acquire();
    } catch (err) {
      throw wrapDriverError(err, this.dialect.mapError(err, this.url), undefined);
    }
  }

  private control(conn: DriverConnection, sql: string): Promise<QueryResult> {
    return this.runOn(conn, sql, [], 'transaction');
  }

  private async rollbackQuietly(conn: DriverConnection): Promise<void> {
    try {
      await this.control(conn, 'ROLLBACK');
    } catch {
      // The connection may be gone; the server rolls back on disconnect anyway.
    }
  }

  private async runOn(
    conn: DriverConnection,
    sql: string,
    params: readonly SqlValue[],
    kind: LoggedQuery['kind'],
    state?: TransactionState,
  ): Promise<QueryResult> {
    const started = performance.now();
    try {
      const result = await conn.run(sql, params);
      this.log.record({ sql, params, durationMs: performance.now() - started, kind });
      return result;
    } catch (err) {
      const error = wrapDriverError(err, this.dialect.mapError(err, this.url), sql);
      this.log.record({ sql, params, durationMs: performance.now() - started, kind, error: error.message });
      state?.markFailed(error);
      throw error;
    }
  }

  // Catch mistakes before the driver does, with words that say which parameter is wrong.
  private checkParams(sql: string, params: readonly SqlValue[]): void {
    if (params.length > this.features.maxQueryParams) {
      // PostgreSQL would say "bind message has N parameter formats": name the real limit instead.
      throw new ProgrammingError(
        `The statement has ${params.length} parameters; ${this.server.serverName} allows at most ` +
          `${this.features.maxQueryParams} in one statement. Split the work into batches ` +
          `(bulkCreate({ batchSize }) does this for you).`,
      );
    }
    const expected = findPlaceholders(sql, { backslashEscapes: this.dialect.backslashEscapes }).length;
    if (expected !== params.length) {
      throw new ProgrammingError(
        `The statement has ${expected} placeholder(s) (?) but ${params.length} parameter(s) were given: ${sql}`,
      );
    }
    params.forEach((value, index) => {
      const ok =
        value === null ||
        ['string', 'number', 'bigint', 'boolean'].includes(typeof value) ||
        value instanceof Date ||
        value instanceof Uint8Array;
      if (!ok) {
        throw new TypeError(
          `Parameter ${index + 1} is ${value === undefined ? 'undefined' : typeof value}; ` +
            `pass a string, number, bigint, boolean, Date, Uint8Array or null. SQL: ${sql}`,
        );
      }
    });
  }

  private requireTransaction(what: string): TransactionState {
    const state = this.transactions.getStore();
    if (!state) throw new TransactionManagementError(`${what} needs an open transaction: call it inside atomic().`);
    return state;
  }

  private requireSavepoint(what: string, name: string): TransactionState {
    const state = this.requireTransaction(what);
    if (!state.hasSavepoint(name)) {
      throw new TransactionManagementError(`${what}: no open savepoint named "${name}" in this transaction.`);
    }
    return state;
  }
}
