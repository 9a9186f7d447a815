// Grading results for a person: one line per exercise and dialect, and for a failure the first
// failing expectation in words and the SQL that ran for that check.
import { mark, style } from '../output.ts';
import type { DialectOutcome, ExerciseOutcome, GradeReport, GradeStatus } from './results.ts';

const LABEL: Record<GradeStatus, string> = { pass: 'passed', fail: 'failed', error: 'could not load', timeout: 'timed out' };

export function formatReport(report: GradeReport, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const exercise of report.exercises) lines.push(...formatExercise(exercise, options.verbose ?? false), '');
  lines.push(summaryLine(report));
  if (report.message) lines.push(style.yellow(report.message));
  return lines.join('\n');
}

export function formatExercise(exercise: ExerciseOutcome, verbose: boolean): string[] {
  const lines = [`${symbol(exercise.status)} ${style.bold(exercise.id)}  ${style.dim(exercise.path)}`];
  let previous: DialectOutcome | undefined;
  for (const d of exercise.dialects) {
    const passed = d.tests.filter((t) => t.status === 'pass').length;
    const counts = d.tests.length ? ` (${passed}/${d.tests.length} checks, ${Math.round(d.durationMs)} ms)` : '';
    lines.push(`  ${symbol(d.status)} ${d.dialect.padEnd(9)}${LABEL[d.status]}${style.dim(counts)}  ${style.dim(d.vendor)}`);
    // The same failure on another database: say so instead of repeating it.
    if (d.status !== 'pass' && previous && previous.status === d.status && previous.message === d.message && d.tests.length === 0) {
      lines.push(style.dim(`      (the same as on ${previous.dialect})`));
    } else if (d.status !== 'pass') lines.push(...failureDetail(d));
    previous = d;
    if (verbose) {
      for (const t of d.tests) lines.push(`      ${symbol(t.status === 'pass' ? 'pass' : t.status === 'skipped' ? 'fail' : t.status)} ${t.name}`);
    }
  }
  return lines;
}

function failureDetail(d: DialectOutcome): string[] {
  const lines: string[] = [];
  const message = (d.message ?? '').split('\n');
  const shown = message.slice(0, 14);
  lines.push(...shown.map((l) => `      ${l}`));
  if (message.length > shown.length) lines.push(style.dim(`      … (${message.length - shown.length} more lines; --json shows all)`));
  if (d.sql) {
    lines.push(style.dim('      SQL that ran for this check:'));
    lines.push(...d.sql.split('\n').map((l) => style.dim(`        ${l}`)));
  }
  return lines;
}

export function summaryLine(report: GradeReport): string {
  const n = report.exercises.length;
  const passed = report.exercises.filter((e) => e.status === 'pass').length;
  const on = report.databases.map((d) => d.dialect).join(', ');
  const text = `${passed} of ${n} exercise${n === 1 ? '' : 's'} passed on ${on} in ${(report.durationMs / 1000).toFixed(1)} s`;
  return passed === n ? style.green(text) : style.red(text);
}

function symbol(status: GradeStatus): string {
  if (status === 'pass') return mark.ok();
  if (status === 'fail') return mark.fail();
  return style.yellow('!');
}
