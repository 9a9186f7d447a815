// A first-come, first-served async lock. SQLite has one connection per database
// file here, so a transaction must own it until COMMIT: other work waits its turn.

export class Mutex {
  private locked = false;
  private waiters: Array<() => void> = [];

  async lock(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  unlock(): void {
    const next = this.waiters.shift();
    if (next) next(); // hand the lock straight to the next waiter
    else this.locked = false;
  }
}
