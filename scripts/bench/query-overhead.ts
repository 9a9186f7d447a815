// What does the engine's Database cost over the raw driver? For each reachable dialect,
// the same statement runs N times through the bare driver and through Database.query
// (bound parameters, placeholder check, error mapping, query log), in the same process,
// alternating rounds so both see the same machine. Prints per-call time and the ratio.
//
//   npx tsx scripts/bench/query-overhead.ts [--calls 2000] [--rounds 5]
import BetterSqlite3 from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { connect } from '../../engine/db/connect.ts';
import { numberPlaceholders } from '../../engine/db/placeholders.ts';
import { startRun } from '../../engine/testing/run.ts';
import { readSettings } from '../../engine/testing/settings.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: tsx scripts/bench/query-overhead.ts [--calls N] [--rounds R]\nCompares Database.query with the raw driver on every reachable dialect.');
  process.exit(0);
}
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);
const SQL = 'SELECT ? AS n';

type Runner = (i: number) => Promise<unknown>;

async function timeRunner(run: Runner): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) await run(i);
  return (performance.now() - started) / CALLS;
}

/** Median per-call time of each side over alternating rounds, after a warm-up. */
async function compare(raw: Runner, engine: Runner): Promise<{ raw: number; engine: number }> {
  await timeRunner(raw);
  await timeRunner(engine);
  const rawTimes: number[] = [];
  const engineTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    rawTimes.push(await timeRunner(raw));
    engineTimes.push(await timeRunner(engine));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { raw: median(rawTimes), engine: median(engineTimes) };
}

const run = await startRun(readSettings({ ...process.env, WORKBOOK_DB_SOURCE: process.env.WORKBOOK_DB_SOURCE ?? 'servers' }));
console.log(`${CALLS} calls × ${ROUNDS} rounds of "${SQL}", median per call\n`);
console.log('dialect   server              raw driver    Database.query   ratio');
try {
  for (const target of run.targets) {
    const db = await connect(target.url, { poolSize: 1 });
    let raw: Runner;
    let close: () => Promise<void>;
    if (target.dialect === 'sqlite') {
      const bare = new BetterSqlite3(':memory:');
      const stmt = bare.prepare(SQL);
      raw = async (i) => stmt.all(i);
      close = async () => void bare.close();
    } else if (target.dialect === 'postgres') {
      const pool = new pg.Pool({ connectionString: target.url, max: 1 });
      const text = numberPlaceholders(SQL);
      raw = (i) => pool.query(text, [i]);
      close = () => pool.end();
    } else {
      const pool = mysql.createPool({ uri: target.url, connectionLimit: 1 });
      raw = (i) => pool.execute(SQL, [i]);
      close = () => pool.end();
    }
    const result = await compare(raw, (i) => db.query(SQL, [i]));
    const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`.padStart(10);
    console.log(`${target.dialect.padEnd(9)} ${target.vendor.padEnd(19)} ${us(result.raw)}    ${us(result.engine)}       ${(result.engine / result.raw).toFixed(2)}×`);
    await close();
    await db.close();
  }
} finally {
  await run.finish();
}
