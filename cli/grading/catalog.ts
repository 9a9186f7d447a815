// The exercises on disk: exercises/<topic>/<NN-name>/ with README.md, exercise.ts and graders
// (*.test.ts); solutions/<topic>/<NN-name>/ with the reference (exercise.ts), the pristine starter
// (starter.ts, what `reset` puts back) and known-wrong answers (wrong-*.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECT_NAMES, type DialectName } from '../../engine/db/url.ts';

/** The project root; WORKBOOK_ROOT points the command at another copy (the CLI's own tests). */
export const ROOT = path.resolve(process.env.WORKBOOK_ROOT ?? fileURLToPath(new URL('../..', import.meta.url)));

export type ExerciseKind = 'use the engine' | 'open the engine';

export interface WrongAnswer {
  /** Relative to the project root. */
  file: string;
  /** The dialects it must fail on ("// Fails on: postgres, mysql"; default every dialect). */
  failsOn: DialectName[];
  why: string;
}

export interface Exercise {
  /** "transactions/01-atomic-transfer" */
  id: string;
  topic: string;
  title: string;
  kind: ExerciseKind;
  difficulty: number;
  /** The lesson's path relative to the project root: "lessons/08-transactions.md". */
  lesson: string;
  hints: string[];
  /** Paths relative to the project root. */
  dir: string;
  file: string;
  readme: string;
  graders: string[];
  solution: string;
  starter: string;
  wrong: WrongAnswer[];
}

export function loadExercises(root = ROOT): Exercise[] {
  const base = path.join(root, 'exercises');
  const found: Exercise[] = [];
  for (const topic of subfolders(base)) {
    if (topic.startsWith('_')) continue; // exercises/_grading: the graders' helpers
    for (const name of subfolders(path.join(base, topic))) {
      const dir = path.join('exercises', topic, name);
      if (existsSync(path.join(root, dir, 'README.md'))) found.push(readExercise(root, topic, name));
    }
  }
  return found.sort(byLessonThenName);
}

function readExercise(root: string, topic: string, name: string): Exercise {
  const dir = path.join('exercises', topic, name);
  const readme = path.join(dir, 'README.md');
  const text = readFileSync(path.join(root, readme), 'utf8');
  const solutionDir = path.join('solutions', topic, name);
  const lessonLink = /Lesson: \[[^\]]*\]\(([^)]+)\)/.exec(text)?.[1] ?? '';
  return {
    id: `${topic}/${name}`,
    topic,
    title: /^# (.+)$/m.exec(text)?.[1]?.trim() ?? name,
    kind: /Kind: open the engine/.test(text) ? 'open the engine' : 'use the engine',
    difficulty: Number(/Difficulty: (\d)/.exec(text)?.[1] ?? 0),
    lesson: lessonLink ? path.relative(root, path.resolve(root, dir, lessonLink)) : '',
    hints: readHints(text),
    dir,
    file: path.join(dir, 'exercise.ts'),
    readme,
    graders: files(path.join(root, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f)),
    solution: path.join(solutionDir, 'exercise.ts'),
    starter: path.join(solutionDir, 'starter.ts'),
    wrong: files(path.join(root, solutionDir))
      .filter((f) => /^wrong-.+\.ts$/.test(f))
      .map((f) => readWrong(root, path.join(solutionDir, f))),
  };
}

/** "## Hints" followed by "### Hint 1", "### Hint 2"...: each subsection is one hint. */
function readHints(readme: string): string[] {
  const section = readme.split(/^## Hints\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split(/^### .*$/m)
    .slice(1)
    .map((h) => h.trim())
    .filter(Boolean);
}

function readWrong(root: string, file: string): WrongAnswer {
  const text = readFileSync(path.join(root, file), 'utf8');
  const failsOn = /Fails on: (.+)$/m.exec(text)?.[1]?.trim() ?? 'all';
  const dialects = failsOn === 'all' ? [...DIALECT_NAMES] : failsOn.split(',').map((s) => s.trim());
  for (const d of dialects) {
    if (!(DIALECT_NAMES as readonly string[]).includes(d)) throw new Error(`${file}: "Fails on" names "${d}"; use all or ${DIALECT_NAMES.join(', ')}.`);
  }
  return { file, failsOn: dialects as DialectName[], why: /Known wrong: (.+)$/m.exec(text)?.[1]?.trim() ?? '' };
}

/**
 * Find exercises by what a learner types: a full id, a topic, an exercise's folder name
 * ("01-atomic-transfer"), or a prefix of an id ("transactions/01"). Throws, listing choices.
 */
export function selectExercises(all: Exercise[], target: string | undefined): Exercise[] {
  if (!target || target === 'all') return all;
  const t = target.replace(/\\/g, '/').replace(/^exercises\//, '').replace(/\/(README\.md|exercise\.ts)?$/, '');
  const exact = all.filter((e) => e.id === t);
  if (exact.length) return exact;
  const topic = all.filter((e) => e.topic === t);
  if (topic.length) return topic;
  const named = all.filter((e) => e.id.endsWith(`/${t}`) || e.id.startsWith(t));
  if (named.length === 1) return named;
  const choices = (named.length ? named : all).map((e) => e.id);
  throw new UsageError(
    named.length
      ? `"${target}" matches several exercises: ${choices.join(', ')}. Say which one.`
      : `No exercise or topic is called "${target}". Topics: ${[...new Set(all.map((e) => e.topic))].join(', ')}. ` +
        `Run \`npx workbook list\` to see every exercise.`,
  );
}

export function selectOne(all: Exercise[], target: string): Exercise {
  const chosen = selectExercises(all, target);
  if (chosen.length !== 1) throw new UsageError(`"${target}" is a topic of ${chosen.length} exercises; name one: ${chosen.map((e) => e.id).join(', ')}.`);
  return chosen[0]!;
}

/** A mistake in how a command was called: exit code 2. */
export class UsageError extends Error {}

/** The learning path: lesson by lesson, and within a lesson from the easiest. */
function byLessonThenName(a: Exercise, b: Exercise): number {
  return a.lesson.localeCompare(b.lesson) || a.difficulty - b.difficulty || a.topic.localeCompare(b.topic) || a.id.localeCompare(b.id);
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isDirectory()).sort();
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
}
