// `workbook grade [exercise|topic] [--db ...] [--json] [--junit file]`
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DIALECT_NAMES, type DialectName } from '../../engine/db/url.ts';
import { loadExercises, ROOT, selectExercises, UsageError } from '../grading/catalog.ts';
import { formatReport } from '../grading/report-text.ts';
import { toJUnit } from '../grading/report-junit.ts';
import type { GradeReport } from '../grading/results.ts';
import { GradingSession, type Subject } from '../grading/session.ts';
import { recordReport } from '../progress.ts';
import { style } from '../output.ts';

export interface GradeOptions {
  db?: string;
  json?: boolean;
  junit?: string;
  verbose?: boolean;
  timeout?: string;
  subject?: string;
}

/** Returns the exit code: 0 every exercise passed, 1 otherwise. */
export async function gradeCommand(target: string | undefined, options: GradeOptions): Promise<number> {
  const exercises = selectExercises(loadExercises(), target);
  const subjects = parseSubjects(options.subject);
  const session = await GradingSession.open({ dialects: parseDbOption(options.db), timeoutMs: parseTimeout(options.timeout), isolate: false });
  const reports: GradeReport[] = [];
  try {
    if (!options.json) printBanner(session);
    // Several subjects (project checks) share one session: one vitest, one set of databases.
    for (const subject of subjects) reports.push(await session.grade(exercises, subject));
  } finally {
    await session.close();
  }
  const report = reports[0]!;
  if (subjects.length > 1) {
    // Maintainers' mode: { reports: { solution: {...}, starter: {...} } }, every one in the format below.
    if (options.json) await writeOut(JSON.stringify({ reports: Object.fromEntries(subjects.map((s, i) => [s, reports[i]])) }) + '\n');
    else for (const [i, r] of reports.entries()) console.log(`${style.bold(subjects[i]!)}\n${formatReport(r, { verbose: options.verbose ?? false })}\n`);
    return reports.every((r) => r.status === 'pass') ? 0 : 1;
  }
  if (subjects[0] === 'exercise') recordReport(report);
  if (options.junit) writeFileSync(path.resolve(options.junit), toJUnit(report));
  if (options.json) await writeOut(JSON.stringify(report, null, 2) + '\n');
  else console.log(formatReport(report, { verbose: options.verbose ?? false }));
  return report.status === 'pass' ? 0 : 1;
}

/** Write to stdout and wait until it is flushed: a pipe would otherwise lose the end at exit. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

export function printBanner(session: GradingSession): void {
  const lines = session.run.banner.map((l) => style.dim(`  ${l}`));
  console.log(style.dim('Databases:'));
  console.log(lines.join('\n') + '\n');
}

/** "--db sqlite,postgres" or "all" → dialect names, each required; no flag → every one found. */
export function parseDbOption(value: string | undefined): DialectName[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'all') return [...DIALECT_NAMES];
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--db needs dialect names: ${DIALECT_NAMES.join(',')} or all.`);
  for (const n of names) {
    if (!(DIALECT_NAMES as readonly string[]).includes(n)) throw new UsageError(`--db names "${n}"; choose from ${DIALECT_NAMES.join(', ')} or all.`);
  }
  return names as DialectName[];
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds, not "${value}".`);
  return seconds * 1000;
}

function parseSubjects(value: string | undefined): Subject[] {
  if (!value) return ['exercise'];
  return value.split(',').map((one) => {
    const v = one.trim();
    if (v === 'exercise' || v === 'solution' || v === 'starter' || /^wrong:[1-9]\d*$/.test(v)) return v as Subject;
    throw new UsageError(`--subject takes exercise, solution, starter or wrong:N (the N-th known-wrong answer), comma-separated; not "${v}".`);
  });
}

export { ROOT };
