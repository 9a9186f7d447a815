// The `workbook` command as a learner meets it, in a scratch copy of the project (its own
// exercises/ and solutions/, the real engine and CLI linked in) so nothing here touches your files.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../grading/results.ts';
import { PROJECT, runCli } from './run-cli.ts';

const EXERCISE = 'transactions/01-atomic-transfer';
const starter = () => readFileSync(path.join(PROJECT, 'solutions', EXERCISE, 'starter.ts'), 'utf8');
const solution = () => readFileSync(path.join(PROJECT, 'solutions', EXERCISE, 'exercise.ts'), 'utf8');
const scratches: string[] = [];

/** A scratch copy of the project: its own exercises/, solutions/, lessons/ and .workbook/. */
interface Scratch {
  root: string;
  env: NodeJS.ProcessEnv;
  learnerFile: string;
}

function makeScratch(): Scratch {
  const root = mkdtempSync(path.join(tmpdir(), 'workbook-cli-'));
  scratches.push(root);
  for (const dir of ['engine', 'cli', 'bin', 'node_modules']) symlinkSync(path.join(PROJECT, dir), path.join(root, dir));
  for (const file of ['vitest.exercises.config.ts', 'package.json', 'tsconfig.json']) copyFileSync(path.join(PROJECT, file), path.join(root, file));
  cpSync(path.join(PROJECT, 'exercises', '_grading'), path.join(root, 'exercises', '_grading'), { recursive: true });
  cpSync(path.join(PROJECT, 'exercises', EXERCISE), path.join(root, 'exercises', EXERCISE), { recursive: true });
  cpSync(path.join(PROJECT, 'solutions', EXERCISE), path.join(root, 'solutions', EXERCISE), { recursive: true });
  cpSync(path.join(PROJECT, 'lessons'), path.join(root, 'lessons'), { recursive: true });
  const learnerFile = path.join(root, 'exercises', EXERCISE, 'exercise.ts');
  writeFileSync(learnerFile, starter());
  return { root, learnerFile, env: { WORKBOOK_ROOT: root, WORKBOOK_STATE_DIR: path.join(root, '.workbook'), WORKBOOK_DIALECTS: 'sqlite' } };
}

let shared: Scratch;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  shared = makeScratch();
  env = shared.env;
});

afterAll(() => {
  for (const root of scratches) rmSync(root, { recursive: true, force: true });
});

// Thirteen node processes side by side: ~1 s each alone, ~10 s each on a busy 2-core CI machine.
describe.concurrent('help and usage errors', { timeout: 60_000 }, () => {
  test.each(['', 'status', 'list', 'grade', 'watch', 'hint', 'reset', 'solution', 'dialects', 'site'])('workbook %s --help exits 0', async (command) => {
    const result = await runCli([...(command ? [command] : []), '--help'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: workbook/);
  });

  test.each([
    [['grade', 'no-such-exercise'], /No exercise or topic is called "no-such-exercise"/],
    [['grade', EXERCISE, '--db', 'oracle'], /--db names "oracle"; choose from sqlite, postgres, mysql/],
    [['hint'], /missing required argument/],
    [['frobnicate'], /unknown command/],
  ])('workbook %j exits 2 and says why', async (args, message) => {
    const result = await runCli(args as string[], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

// Each grade is a fresh process that type-checks the file and starts vitest (~5 s of CPU). Side by
// side they starved each other on a 2-core machine and crossed the 20 s default, so these run one
// after another, each with a deadline sized for a loaded machine rather than a fast laptop.
describe('grading the learner’s file', { timeout: 90_000 }, () => {
  test('a database named with --db that is not there: exit 1 and how to get it', async () => {
    const { env } = makeScratch();
    const result = await runCli(['grade', EXERCISE, '--db', 'sqlite,postgres'], {
      env: { ...env, WORKBOOK_DIALECTS: 'sqlite,postgres', WORKBOOK_DB_SOURCE: 'servers', WORKBOOK_POSTGRES_URL: 'postgres://postgres@127.0.0.1:1/postgres' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--db \(or WORKBOOK_REQUIRE\) names postgres, but it is unavailable: .*To get it: /);
  });

  test('the untouched starter fails: exit 1, a failing check in words and the SQL it ran', async () => {
    const { env } = makeScratch();
    const result = await runCli(['grade', EXERCISE], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ sqlite\s+failed/);
    expect(result.stdout).toMatch(/SQL that ran for this check:\n\s+1\. INSERT INTO account/);
  });

  test('a file that does not compile gets its own status, in JSON too', async () => {
    const { env, learnerFile } = makeScratch();
    writeFileSync(learnerFile, starter() + '\nexport const broken: number = ;\n');
    const result = await runCli(['grade', EXERCISE, '--json'], { env });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as GradeReport;
    expect(report.exercises[0]!.status).toBe('error');
    // The type checker finds it first, and says where.
    expect(report.exercises[0]!.dialects[0]!.message).toMatch(/exercise\.ts does not compile: 1 error\(s\)\. First, at .*exercise\.ts:\d+:\d+: Expression expected/);
  });

  test('a file with a type error does not compile either: the error, its line, and no grade', async () => {
    const { env, learnerFile } = makeScratch();
    const lines = starter().split('\n').length;
    writeFileSync(learnerFile, starter() + "\nexport const wrongType: number = 'ten';\n");
    const result = await runCli(['grade', EXERCISE, '--json'], { env });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as GradeReport;
    expect(report.exercises[0]!.status).toBe('error');
    const message = report.exercises[0]!.dialects[0]!.message!;
    expect(message).toMatch(/exercise\.ts does not compile: 1 error\(s\)/);
    expect(message).toContain(`exercise.ts:${lines + 1}:14: Type 'string' is not assignable to type 'number'`);
  });

  test('a file that throws when imported gets the same status', async () => {
    const { env, learnerFile } = makeScratch();
    writeFileSync(learnerFile, starter() + "\nthrow new Error('boom at import');\n");
    const report = JSON.parse((await runCli(['grade', EXERCISE, '--json'], { env })).stdout) as GradeReport;
    expect(report.exercises[0]!.status).toBe('error');
    expect(report.exercises[0]!.dialects[0]!.message).toMatch(/boom at import/);
  });

  test('a check that never finishes is stopped and reported as timed out', async () => {
    const { env, learnerFile } = makeScratch();
    writeFileSync(learnerFile, starter().replace('await db.execute(', 'while (Date.now() > 0) { /* spin */ }\n  await db.execute('));
    const started = Date.now();
    const result = await runCli(['grade', EXERCISE, '--json', '--timeout', '3'], { env });
    const report = JSON.parse(result.stdout) as GradeReport;
    expect(result.code).toBe(1);
    expect(report.exercises[0]!.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('a correct answer passes: exit 0, JSON per dialect with durations, JUnit XML, progress recorded', async () => {
    const { env, learnerFile, root } = makeScratch();
    writeFileSync(learnerFile, solution());
    const junit = path.join(root, 'junit.xml');
    const result = await runCli(['grade', EXERCISE, '--json', '--junit', junit], { env });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as GradeReport;
    expect(Object.keys(report)).toEqual(['version', 'status', 'message', 'startedAt', 'durationMs', 'databases', 'skipped', 'exercises']);
    expect(report).toMatchObject({ version: 1, status: 'pass', databases: [{ dialect: 'sqlite' }] });
    const dialect = report.exercises[0]!.dialects[0]!;
    expect(Object.keys(dialect)).toEqual(['dialect', 'vendor', 'status', 'message', 'sql', 'durationMs', 'tests']);
    expect(Object.keys(dialect.tests[0]!)).toEqual(['name', 'status', 'message', 'sql', 'durationMs']);
    expect(dialect.tests.every((t) => t.status === 'pass' && typeof t.durationMs === 'number')).toBe(true);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="transactions\/01-atomic-transfer \(sqlite\)" tests="6" failures="0"/);
    const progress = JSON.parse(readFileSync(path.join(root, '.workbook', 'progress.json'), 'utf8'));
    expect(progress.exercises[EXERCISE]).toMatchObject({ dialects: { sqlite: 'pass' } });
    const status = await runCli([], { env });
    expect(status.stdout).toMatch(/Progress \(1 of 1 solved\)/);
  });
});

test('workbook site builds the lessons into the folder given', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'workbook-site-'));
  scratches.push(out);
  // The real project (a scratch copy lacks the exercises the lessons link to), on SQLite only.
  const result = await runCli(['site', '--out', out], { env: { WORKBOOK_DIALECTS: 'sqlite' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/built \d+ pages, \d+ runnable block\(s\)/);
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<html/);
}, 90_000);

describe('hint, solution, reset', () => {
  test('hint shows the next hint each time and remembers', async () => {
    const first = await runCli(['hint', EXERCISE], { env });
    const second = await runCli(['hint', '01-atomic-transfer'], { env });
    expect(first.stdout).toMatch(/Hint 1 of 3/);
    expect(second.stdout).toMatch(/Hint 2 of 3/);
    expect(second.stdout).not.toMatch(/Hint 1 of 3/);
  });

  test('solution waits for a pass unless --force', async () => {
    rmSync(path.join(shared.root, '.workbook', 'progress.json'), { force: true });
    const refused = await runCli(['solution', EXERCISE], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/shown once your answer passes/);
    const forced = await runCli(['solution', EXERCISE, '--force'], { env });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('db.atomic(');
  });

  test('reset never overwrites silently: refuses without a terminal or --yes, then keeps a backup', async () => {
    const learnerFile = () => shared.learnerFile;
    writeFileSync(learnerFile(), starter() + '\n// my work in progress\n');
    const refused = await runCli(['reset', EXERCISE], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Add --yes/);
    expect(readFileSync(learnerFile(), 'utf8')).toContain('my work in progress');

    const done = await runCli(['reset', EXERCISE, '--yes'], { env });
    expect(done.code).toBe(0);
    expect(readFileSync(learnerFile(), 'utf8')).toBe(starter());
    const backups = readdirSync(path.join(shared.root, '.workbook', 'backups'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(shared.root, '.workbook', 'backups', backups[0]!), 'utf8')).toContain('my work in progress');
    expect(existsSync(learnerFile())).toBe(true);
  });
});

describe.concurrent('watch', { timeout: 90_000 }, () => {
  /** Start `workbook watch` in a scratch copy, and resolve when its output matches `until` (n times). */
  function watching(args: string[], { env }: Scratch) {
    const child = spawn(process.execPath, [path.join(PROJECT, 'bin/workbook.mjs'), 'watch', EXERCISE, ...args], {
      cwd: PROJECT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const until = (pattern: RegExp, times = 1) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`watch never printed ${pattern} ${times}x:\n${out}`)), 60_000);
        const check = () => {
          if ((out.match(new RegExp(pattern, 'g')) ?? []).length >= times) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    const quit = () => new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.stdin.write('q\n');
    });
    return { child, until, quit, output: () => out };
  }

  test('re-grades on save: says "checking…" at once, then the new result', async () => {
    const scratch = makeScratch();
    const w = watching([], scratch);
    await w.until(/Graded in/);
    writeFileSync(scratch.learnerFile, solution());
    await w.until(/checking…/, 2);
    await w.until(/Passed in/);
    expect(await w.quit()).toBe(0);
    expect(w.output()).toMatch(/✓ sqlite\s+passed/);
  });

  test('--manual grades when Enter is pressed, not on save', async () => {
    const scratch = makeScratch();
    const w = watching(['--manual'], scratch);
    await w.until(/Graded in/);
    writeFileSync(scratch.learnerFile, solution());
    await new Promise((r) => setTimeout(r, 800));
    expect(w.output()).not.toMatch(/Passed in/);
    w.child.stdin.write('\n');
    await w.until(/Passed in/);
    expect(await w.quit()).toBe(0);
  });
});
