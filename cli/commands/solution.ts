// `workbook solution <exercise>`: the reference answer, once the exercise has passed (or --force).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadExercises, ROOT, selectOne } from '../grading/catalog.ts';
import { style } from '../output.ts';
import { readProgress, stateOf } from '../progress.ts';

export function solutionCommand(target: string, options: { force?: boolean }): number {
  const exercise = selectOne(loadExercises(), target);
  if (!options.force && stateOf(exercise, readProgress()) !== 'solved') {
    console.error(
      `The reference solution of ${exercise.id} is shown once your answer passes ` +
        `(npx workbook grade ${exercise.id}). Stuck? Try npx workbook hint ${exercise.id}, or add --force.`,
    );
    return 1;
  }
  console.log(style.bold(`Reference solution — ${exercise.solution}`));
  console.log(readFileSync(path.join(ROOT, exercise.solution), 'utf8'));
  for (const wrong of exercise.wrong) console.log(style.dim(`Known wrong answer, for comparison: ${wrong.file} — ${wrong.why}`));
  return 0;
}
