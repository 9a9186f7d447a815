// What grading found, as plain data: the shape `workbook grade --json` prints (see README.md,
// "Grading results as JSON"). Built from vitest's test modules, grouped per exercise and dialect.
import path from 'node:path';
import type { TestCase, TestModule } from 'vitest/node';
import type { DialectName } from '../../engine/index.ts';
import type { Exercise } from './catalog.ts';

export const RESULTS_VERSION = 1;

export type TestStatus = 'pass' | 'fail' | 'timeout' | 'skipped';
/** error: the learner's file (or the graders) could not be loaded — it does not compile or throws at import. */
export type GradeStatus = 'pass' | 'fail' | 'error' | 'timeout';

export interface TestOutcome {
  name: string;
  status: TestStatus;
  /** The first failing expectation, in words; null when it passed. */
  message: string | null;
  /** The statements this check ran (for a failure), one per line; null otherwise. */
  sql: string | null;
  durationMs: number;
}

export interface DialectOutcome {
  dialect: DialectName;
  vendor: string;
  status: GradeStatus;
  /** For a failure: the first failing test's name and message. */
  message: string | null;
  sql: string | null;
  durationMs: number;
  tests: TestOutcome[];
}

export interface ExerciseOutcome {
  id: string;
  topic: string;
  title: string;
  /** The file that was graded, relative to the project root. */
  path: string;
  status: GradeStatus;
  durationMs: number;
  dialects: DialectOutcome[];
}

export interface GradeReport {
  version: typeof RESULTS_VERSION;
  /** pass: every exercise passed on every dialect; error: nothing could be graded. */
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  startedAt: string;
  durationMs: number;
  databases: Array<{ dialect: DialectName; vendor: string }>;
  skipped: Array<{ dialect: DialectName; reason: string }>;
  exercises: ExerciseOutcome[];
}

const SQL_MARKER = 'SQL that ran for this check:';
const NAME = /^(sqlite|postgres|mysql) › (.*)$/s;

export interface Target { dialect: DialectName; vendor: string }

export function outcomeOf(
  root: string,
  exercise: Exercise,
  gradedFile: string,
  modules: readonly TestModule[],
  targets: Target[],
  cut: boolean,
): ExerciseOutcome {
  const mine = modules.filter((m) => path.relative(root, m.moduleId).startsWith(exercise.dir + path.sep));
  const loadError = mine.flatMap((m) => m.errors())[0];
  const tests = mine.flatMap((m) => [...m.children.allTests()]);
  const dialects = targets.map((target): DialectOutcome => {
    if (mine.length === 0 || (loadError && tests.length === 0)) {
      const message = loadError
        ? loadMessage(gradedFile, loadError)
        : cut
          ? 'Grading was stopped by the time limit before this exercise ran.'
          : 'No grader ran for this exercise.';
      return { ...target, status: cut && !loadError ? 'timeout' : 'error', message, sql: null, durationMs: 0, tests: [] };
    }
    const own = tests.map(testOutcome).filter((t) => t.dialect === target.dialect).map((t) => t.outcome);
    return summarize(target, own, cut);
  });
  return {
    id: exercise.id,
    topic: exercise.topic,
    title: exercise.title,
    path: gradedFile,
    status: worst(dialects.map((d) => d.status)),
    durationMs: round(dialects.reduce((sum, d) => sum + d.durationMs, 0)),
    dialects,
  };
}

function summarize(target: Target, tests: TestOutcome[], cut: boolean): DialectOutcome {
  const durationMs = round(tests.reduce((sum, t) => sum + t.durationMs, 0));
  const failed = tests.find((t) => t.status === 'fail' || t.status === 'timeout');
  if (failed) {
    return {
      ...target,
      status: failed.status === 'timeout' ? 'timeout' : 'fail',
      message: `${failed.name}: ${failed.message}`,
      sql: failed.sql,
      durationMs,
      tests,
    };
  }
  if (tests.length === 0 || tests.some((t) => t.status === 'skipped')) {
    const message = cut ? 'Grading was stopped by the time limit (a check that never finishes?).' : 'Some checks did not run.';
    return { ...target, status: cut ? 'timeout' : 'fail', message, sql: null, durationMs, tests };
  }
  return { ...target, status: 'pass', message: null, sql: null, durationMs, tests };
}

function testOutcome(test: TestCase): { dialect: string; outcome: TestOutcome } {
  const match = NAME.exec(test.name);
  const dialect = match?.[1] ?? 'sqlite';
  const name = match?.[2] ?? test.name;
  const result = test.result();
  const durationMs = round(test.diagnostic()?.duration ?? 0);
  if (result.state === 'passed') return { dialect, outcome: { name, status: 'pass', message: null, sql: null, durationMs } };
  if (result.state !== 'failed') return { dialect, outcome: { name, status: 'skipped', message: null, sql: null, durationMs } };
  const error = result.errors[0];
  const raw = clean(error?.message ?? 'failed');
  const [said, sql] = raw.split(SQL_MARKER).map((s) => s.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim()).join('\n').trim());
  // vitest shortens big values in the message ("[ Array(2) ]"); its diff shows them.
  const diff = error?.diff ? clean(error.diff) : '';
  const message = diff && /Array\(|Object\(|…/.test(said ?? '') ? `${said}\n${diff}` : said;
  const timedOut = /timed out in \d+ ?ms/i.test(raw);
  return {
    dialect,
    outcome: {
      name,
      status: timedOut ? 'timeout' : 'fail',
      message: timedOut ? `did not finish within the time limit (${message})` : message || 'failed',
      sql: sql ? sql.split('\n').map((l) => l.trim()).join('\n') : null,
      durationMs,
    },
  };
}

/** Say whose file failed to load: the graded one (syntax error, throw at import), or something it imports. */
function loadMessage(gradedFile: string, error: { message?: string; stack?: string }): string {
  const text = clean(error.message ?? String(error));
  const where = `${text}\n${error.stack ?? ''}`;
  if (where.includes(gradedFile)) return `${gradedFile} could not be loaded (it does not compile, or it throws when imported): ${text}`;
  return `The graders could not load (an import failed — yours, or the engine's): ${text}`;
}

export function worst(statuses: GradeStatus[]): GradeStatus {
  for (const s of ['error', 'timeout', 'fail'] as const) if (statuses.includes(s)) return s;
  return 'pass';
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function clean(text: string): string {
  return text.replace(ANSI, '').trim();
}

const round = (ms: number) => Math.round(ms * 10) / 10;
