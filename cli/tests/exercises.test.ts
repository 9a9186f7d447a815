// The exercises' invariants, on every dialect this run has: every reference solution passes,
// every untouched starter fails, every known-wrong answer fails where it says it does (and
// passes elsewhere), and every README and lesson is wired up. The graders are run through the
// `workbook` command itself (grade --subject ... --json), as a learner or CI would run them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExercises } from '../grading/catalog.ts';
import type { ExerciseOutcome, GradeReport } from '../grading/results.ts';
import { PROJECT, runCli } from './run-cli.ts';

const exercises = loadExercises(PROJECT);
const maxWrong = Math.max(0, ...exercises.map((e) => e.wrong.length));
const subjects = ['solution', 'starter', ...Array.from({ length: maxWrong }, (_, i) => `wrong:${i + 1}`)];
const reports = new Map<string, GradeReport>();

beforeAll(async () => {
  // Two `grade` processes side by side, each running its subjects in one session (one vitest, one
  // set of throwaway databases): most of the time is spent waiting on the databases.
  const halves = [subjects.filter((s) => !s.startsWith('wrong:')), subjects.filter((s) => s.startsWith('wrong:'))].filter((h) => h.length);
  await Promise.all(
    halves.map(async (half) => {
      const result = await runCli(['grade', '--subject', half.join(','), '--json'], { timeoutMs: 240_000 });
      let parsed: { reports?: Record<string, GradeReport> } & Partial<GradeReport>;
      try {
        parsed = JSON.parse(result.stdout) as typeof parsed;
      } catch {
        throw new Error(`grade --subject ${half.join(',')} printed no JSON (exit ${result.code}):\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(0, 2000)}`);
      }
      // One subject prints a plain report; several print { reports: { subject: report } }.
      if (parsed.reports) for (const [subject, report] of Object.entries(parsed.reports)) reports.set(subject, report);
      else reports.set(half[0]!, parsed as GradeReport);
    }),
  );
}, 240_000);

function outcome(subject: string, id: string): ExerciseOutcome {
  const found = reports.get(subject)?.exercises.find((e) => e.id === id);
  if (!found) throw new Error(`grade --subject ${subject} did not report ${id}`);
  return found;
}

const describeFailures = (o: ExerciseOutcome) =>
  o.dialects.map((d) => `${d.dialect}: ${d.status}${d.message ? ` — ${d.message.split('\n')[0]}` : ''}`).join('\n');

test('there are exercises, and the grading run saw at least SQLite', () => {
  expect(exercises.length).toBeGreaterThan(0);
  expect(reports.get('solution')?.databases.map((d) => d.dialect)).toContain('sqlite');
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
  test('the reference solution passes on every dialect', () => {
    const o = outcome('solution', exercise.id);
    expect(o.status, describeFailures(o)).toBe('pass');
    expect(o.dialects.every((d) => d.tests.length > 0), 'every dialect ran checks').toBe(true);
  });

  test('the untouched starter loads and fails at least one check on every dialect', () => {
    const o = outcome('starter', exercise.id);
    for (const d of o.dialects) expect(d.status, `${d.dialect}: ${d.message}`).toBe('fail');
  });

  test('every known-wrong answer fails where it says, and only there', () => {
    expect(exercise.wrong.length, 'at least one known-wrong answer (solutions/.../wrong-*.ts)').toBeGreaterThan(0);
    exercise.wrong.forEach((wrong, i) => {
      const o = outcome(`wrong:${i + 1}`, exercise.id);
      for (const d of o.dialects) {
        const expected = wrong.failsOn.includes(d.dialect) ? 'fail' : 'pass';
        expect(d.status, `${wrong.file} on ${d.dialect}: ${d.message ?? 'passed'}`).toBe(expected);
      }
    });
  });

  test('README states the task, the grading contract, hints, lesson, kind and difficulty', () => {
    const readme = readFileSync(path.join(PROJECT, exercise.readme), 'utf8');
    for (const section of ['## Task', '## Grading contract', '## Hints']) expect(readme, `${exercise.readme} needs "${section}"`).toContain(section);
    expect(exercise.hints.length, 'two or three progressive hints').toBeGreaterThanOrEqual(2);
    expect(exercise.difficulty, 'Difficulty: N of 5').toBeGreaterThanOrEqual(1);
    expect(readme).toMatch(/Kind: (use|open) the engine/);
    expect(existsSync(path.join(PROJECT, exercise.lesson)), `lesson ${exercise.lesson} exists`).toBe(true);
    expect(readme, 'the grading contract says whether order matters').toMatch(/[Oo]rder\s+(\*\*)?(matters|does\s+not\s+matter)/);
    expect(readme, 'graders run on a hidden data set too').toMatch(/hidden data/);
  });

  test('starter, exercise and solution export the same names; there are graders', () => {
    const names = (file: string) => [...readFileSync(path.join(PROJECT, file), 'utf8').matchAll(/^export (?:async )?(?:function|class|const|interface|type) (\w+)/gm)].map((m) => m[1]).sort();
    expect(names(exercise.file)).toEqual(names(exercise.starter));
    expect(names(exercise.solution)).toEqual(names(exercise.starter));
    expect(exercise.graders.length).toBeGreaterThan(0);
  });

  test('its lesson links to it', () => {
    const lesson = readFileSync(path.join(PROJECT, exercise.lesson), 'utf8');
    expect(lesson, `${exercise.lesson} should link ../${exercise.dir}/README.md`).toContain(`../${exercise.dir}/README.md`);
  });
});

test('every exercise a lesson links exists, and names that lesson in its README', () => {
  const lessons = readdirSync(path.join(PROJECT, 'lessons')).filter((f) => f.endsWith('.md'));
  for (const file of lessons) {
    const text = readFileSync(path.join(PROJECT, 'lessons', file), 'utf8');
    for (const [, target] of text.matchAll(/\]\(\.\.\/exercises\/([^)#]+)\/README\.md\)/g)) {
      const exercise = exercises.find((e) => e.dir === path.join('exercises', target!));
      expect(exercise, `lessons/${file} links exercises/${target}, which does not exist`).toBeDefined();
    }
  }
});

test('every lesson\'s relative links point at files that exist', () => {
  for (const file of readdirSync(path.join(PROJECT, 'lessons')).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path.join(PROJECT, 'lessons', file), 'utf8');
    for (const [, link] of text.matchAll(/\]\((\.{1,2}\/[^)#\s]+)/g)) {
      expect(existsSync(path.resolve(PROJECT, 'lessons', link!)), `lessons/${file} links ${link}`).toBe(true);
    }
  }
});
