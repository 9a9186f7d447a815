// The learner's progress: a small JSON file in .workbook/ (git-ignored), never markers in their
// code. WORKBOOK_STATE_DIR moves it (the project's own tests use a temporary folder).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DialectName } from '../engine/index.ts';
import { ROOT, type Exercise } from './grading/catalog.ts';
import type { GradeReport, GradeStatus } from './grading/results.ts';

export interface ExerciseProgress {
  /** The latest status on each dialect it was graded on. */
  dialects: Partial<Record<DialectName, GradeStatus>>;
  lastGradedAt?: string;
  /** Set the first time it passed on every dialect graded. */
  solvedAt?: string;
  hintsShown?: number;
}

export interface Progress {
  version: 1;
  exercises: Record<string, ExerciseProgress>;
}

export type ExerciseState = 'solved' | 'attempted' | 'not started';

export function stateDir(): string {
  return process.env.WORKBOOK_STATE_DIR ?? path.join(ROOT, '.workbook');
}

const file = () => path.join(stateDir(), 'progress.json');

export function readProgress(): Progress {
  if (!existsSync(file())) return { version: 1, exercises: {} };
  try {
    const parsed = JSON.parse(readFileSync(file(), 'utf8')) as Progress;
    return { version: 1, exercises: parsed.exercises ?? {} };
  } catch {
    // A damaged file should not lock a learner out: keep it aside and start again.
    renameSync(file(), `${file()}.damaged-${Date.now()}`);
    return { version: 1, exercises: {} };
  }
}

export function writeProgress(progress: Progress): void {
  mkdirSync(stateDir(), { recursive: true });
  const tmp = `${file()}.tmp`;
  writeFileSync(tmp, JSON.stringify(progress, null, 2) + '\n');
  renameSync(tmp, file());
}

/** Record a grading of the learner's own files. */
export function recordReport(report: GradeReport): void {
  const progress = readProgress();
  for (const e of report.exercises) {
    const entry = (progress.exercises[e.id] ??= { dialects: {} });
    for (const d of e.dialects) entry.dialects[d.dialect] = d.status;
    entry.lastGradedAt = report.startedAt;
    if (e.status === 'pass' && e.dialects.length > 0) entry.solvedAt ??= report.startedAt;
  }
  writeProgress(progress);
}

export function updateExercise(id: string, change: (entry: ExerciseProgress) => void): ExerciseProgress {
  const progress = readProgress();
  const entry = (progress.exercises[id] ??= { dialects: {} });
  change(entry);
  writeProgress(progress);
  return entry;
}

/** Solved: its latest grading passed everywhere. Attempted: graded, or its file differs from the starter. */
export function stateOf(exercise: Exercise, progress: Progress): ExerciseState {
  const entry = progress.exercises[exercise.id];
  const statuses = Object.values(entry?.dialects ?? {});
  if (statuses.length > 0 && statuses.every((s) => s === 'pass')) return 'solved';
  if (statuses.length > 0 || isEdited(exercise)) return 'attempted';
  return 'not started';
}

export function dialectState(exercise: Exercise, progress: Progress, dialect: DialectName): ExerciseState {
  const status = progress.exercises[exercise.id]?.dialects[dialect];
  if (status === 'pass') return 'solved';
  return status ? 'attempted' : 'not started';
}

export function isEdited(exercise: Exercise): boolean {
  try {
    return readFileSync(path.join(ROOT, exercise.file), 'utf8') !== readFileSync(path.join(ROOT, exercise.starter), 'utf8');
  } catch {
    return false;
  }
}

export function nextExercise(all: Exercise[], progress: Progress): Exercise | undefined {
  return all.find((e) => stateOf(e, progress) !== 'solved');
}
