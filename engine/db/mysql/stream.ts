// Rows of one SELECT as they come off the socket, a chunk at a time (iterator() on MySQL and
// MariaDB). mysql2 emits a 'result' event per row; the connection is paused while a full chunk
// waits for the caller, so memory holds about one chunk, never the whole result.
import type { PoolConnection } from 'mysql2/promise';

type Row = Record<string, unknown>;

/** The event-based connection under mysql2's promise wrapper (its typings only show the wrapper). */
interface EventConnection {
  execute(sql: string, params: unknown[]): EventCommand;
  query(sql: string): EventCommand;
  pause(): void;
  resume(): void;
}
interface EventCommand {
  on(event: 'result' | 'error' | 'end', listener: (value?: unknown) => void): EventCommand;
}

export async function* streamRows(
  conn: PoolConnection,
  sql: string,
  params: unknown[],
  size: number,
  onDestroy: () => void,
): AsyncGenerator<Row[]> {
  const raw = (conn as unknown as { connection: EventConnection }).connection;
  const command = params.length ? raw.execute(sql, params) : raw.query(sql);
  let buffer: Row[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  command.on('result', (row) => {
    buffer.push(row as Row);
    if (buffer.length >= size) {
      raw.pause();
      notify();
    }
  });
  command.on('error', (err) => {
    failure = err;
    done = true;
    notify();
  });
  command.on('end', () => {
    done = true;
    notify();
  });

  let drained = false;
  try {
    for (;;) {
      if (failure) throw failure;
      // Rows already parsed when the socket paused may overshoot a chunk: hand out `size` at a time.
      if (buffer.length >= size || (done && buffer.length)) {
        const chunk = buffer.slice(0, size);
        buffer = buffer.slice(size);
        yield chunk;
        continue;
      }
      if (done) {
        drained = true;
        return;
      }
      const waiting = new Promise<void>((resolve) => (wake = resolve));
      raw.resume();
      await waiting;
    }
  } finally {
    // Stopped early (or failed): unread rows would sit in front of the next statement on this
    // connection, so it is closed instead of going back to the pool.
    if (!drained) {
      conn.destroy();
      onDestroy();
    }
  }
}
