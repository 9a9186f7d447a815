// How much memory does iterator() save over loading a queryset whole? For each reachable
// dialect, the same N rows are read in one process with list() (the baseline: every instance
// in memory at once) and with iterator({ chunkSize }). Printed: the most memory still alive
// while the rows are walked (heap after a forced GC, over the heap before), the median time of
// unsampled walks, and the ratios iterator / list.
//
//   npm run bench:iterator -- [--rows 50000] [--chunk 1000] [--rounds 3]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { connect } from '../../engine/db/connect.ts';
import { connections } from '../../engine/db/connections.ts';
import type { Database } from '../../engine/db/database.ts';
import { CharField, createTables, Model, TextField } from '../../engine/index.ts';
import { startRun } from '../../engine/testing/run.ts';
import { readSettings } from '../../engine/testing/settings.ts';
import { createThrowawayDatabase, dropDatabase, throwawayName } from '../../engine/testing/throwaway.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, chunk: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run bench:iterator -- [--rows N] [--chunk C] [--rounds R]\nLive heap and time (median of R walks) of list() vs iterator() on every reachable dialect.');
  process.exit(0);
}
const ROWS = Number(values.rows);
const CHUNK = Number(values.chunk);
const ROUNDS = Number(values.rounds);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('Run with --expose-gc (npm run bench:iterator does): without it the heap readings are noise.');
  process.exit(2);
}

class Line extends Model.define('bench', 'Line', { name: CharField({ maxLength: 40 }), body: TextField() }) {}

/**
 * Walk the rows ROUNDS times timed (the median is kept), then once for memory, collecting garbage every 5000 rows so
 * the reading is what is still alive (the instances list() holds), not garbage awaiting GC.
 */
async function measure(walk: (visit: () => void) => Promise<number>): Promise<{ liveMb: number; ms: number; seen: number }> {
  const times: number[] = [];
  let seen = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    seen = await walk(() => undefined);
    times.push(performance.now() - started);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!; // the median round
  gc!();
  const base = process.memoryUsage().heapUsed;
  let live = 0;
  let count = 0;
  await walk(() => {
    if (++count % 5000 === 0) {
      gc!();
      live = Math.max(live, process.memoryUsage().heapUsed - base);
    }
  });
  return { liveMb: live / 1024 / 1024, ms, seen };
}

async function fill(db: Database): Promise<void> {
  await createTables(db, [Line]);
  const body = 'x'.repeat(200);
  for (let i = 0; i < ROWS; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, ROWS - i) }, (_, j) => new Line({ name: `line ${i + j}`, body }));
    await Line.objects.bulkCreate(batch);
  }
}

const run = await startRun(readSettings({ ...process.env, WORKBOOK_DB_SOURCE: process.env.WORKBOOK_DB_SOURCE ?? 'servers' }));
console.log(`${ROWS} rows of ~250 bytes, iterator chunk ${CHUNK}; live heap while walking them, and time\n`);
console.log('dialect   server              iterator reads by    list(): live, time      iterator(): live, time    memory  time');
try {
  for (const target of run.targets) {
    const name = target.dialect === 'sqlite' ? undefined : throwawayName(run.runId);
    const url = name ? await createThrowawayDatabase(target.url, name) : target.url;
    const db = await connect(url, { poolSize: 2 });
    try {
      await connections.run(db, async () => {
        await fill(db);
        const list = await measure(async (visit) => {
          const all = await Line.objects.orderBy('id').list();
          for (const _ of all) visit();
          return all.length;
        });
        const iter = await measure(async (visit) => {
          let n = 0;
          for await (const _ of Line.objects.orderBy('id').iterator({ chunkSize: CHUNK })) {
            visit();
            n++;
          }
          return n;
        });
        if (list.seen !== ROWS || iter.seen !== ROWS) throw new Error(`read ${list.seen} / ${iter.seen} rows, expected ${ROWS}`);
        const cell = (r: { liveMb: number; ms: number }) => `${r.liveMb.toFixed(1).padStart(6)} MB ${r.ms.toFixed(0).padStart(6)} ms`;
        const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6);
        console.log(
          `${target.dialect.padEnd(9)} ${target.vendor.padEnd(19)} ${db.features.chunkedReads.padEnd(20)} ${cell(list)}      ${cell(iter)}    ${ratio(iter.liveMb, list.liveMb)} ${ratio(iter.ms, list.ms)}`,
        );
      });
    } finally {
      await db.close();
      if (name) await dropDatabase(target.url, name);
    }
  }
} finally {
  await run.finish();
}
