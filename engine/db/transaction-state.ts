// The state of one open transaction: the pinned connection, the stack of atomic blocks
// (each a savepoint, or sharing its parent's fate), and the onCommit callbacks waiting.
// It travels with the async call chain (AsyncLocalStorage), so awaited code finds it.
import type { DriverConnection } from './driver.ts';
import { TransactionManagementError, type DatabaseError } from './errors.ts';

export interface AtomicFrame {
  /** The savepoint this block made, or null (the outermost block, or savepoint: false). */
  savepoint: string | null;
  /** The error that broke this block: later statements in it are refused. */
  failure: DatabaseError | null;
}

interface PendingCallback {
  fn: () => unknown;
  /** Savepoints open when it was registered: rolling back any of them drops it. */
  savepoints: string[];
}

export class TransactionState {
  readonly frames: AtomicFrame[] = [];
  private openSavepoints: string[] = [];
  private callbacks: PendingCallback[] = [];
  private counter = 0;

  constructor(
    readonly conn: DriverConnection,
    /** Test isolation: the transaction always rolls back, so onCommit callbacks never run. */
    readonly rollbackOnly = false,
  ) {}

  nextSavepointName(): string {
    this.counter += 1;
    return `s${this.counter}`;
  }

  pushFrame(savepoint: string | null): AtomicFrame {
    const frame: AtomicFrame = { savepoint, failure: null };
    this.frames.push(frame);
    if (savepoint) this.openSavepoints.push(savepoint);
    return frame;
  }

  popFrame(frame: AtomicFrame): void {
    const index = this.frames.lastIndexOf(frame);
    if (index !== -1) this.frames.splice(index, 1);
    if (frame.savepoint) this.closeSavepoint(frame.savepoint);
  }

  openSavepoint(name: string): void {
    this.openSavepoints.push(name);
  }

  closeSavepoint(name: string): void {
    const index = this.openSavepoints.lastIndexOf(name);
    if (index !== -1) this.openSavepoints.splice(index);
  }

  hasSavepoint(name: string): boolean {
    return this.openSavepoints.includes(name);
  }

  /** The block whose fate a failure decides: the innermost one that can roll back alone. */
  failureOwner(): AtomicFrame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i]!.savepoint || i === 0) return this.frames[i];
    }
    return undefined;
  }

  markFailed(error: DatabaseError): void {
    const owner = this.failureOwner();
    if (owner && !owner.failure) owner.failure = error;
  }

  /** Refuse statements once the current block has failed, as Django does on every backend. */
  assertUsable(): void {
    const failure = this.failureOwner()?.failure;
    if (!failure) return;
    throw new TransactionManagementError(
      `An error occurred earlier in this atomic block (${failure.name}: ${failure.message}), so the block ` +
        `will roll back and no further queries can run in it. Let the error leave the block, or run the ` +
        `statement that may fail in its own nested atomic() (a savepoint) so only it is undone. While ` +
        `debugging in a shell, setRollback(false) clears the mark at your own risk.`,
    );
  }

  addCallback(fn: () => unknown): void {
    this.callbacks.push({ fn, savepoints: [...this.openSavepoints] });
  }

  dropCallbacksOf(savepoint: string): void {
    this.callbacks = this.callbacks.filter((c) => !c.savepoints.includes(savepoint));
  }

  takeCallbacks(): Array<() => unknown> {
    const fns = this.callbacks.map((c) => c.fn);
    this.callbacks = [];
    return fns;
  }
}
