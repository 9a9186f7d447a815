// `workbook hint <exercise>`: the next hint, remembered in the progress file.
import { loadExercises, selectOne } from '../grading/catalog.ts';
import { style } from '../output.ts';
import { readProgress, updateExercise } from '../progress.ts';

export function hintCommand(target: string, options: { again?: boolean }): number {
  const exercise = selectOne(loadExercises(), target);
  if (exercise.hints.length === 0) {
    console.log(`${exercise.id} has no hints. Its README says what a good answer shows: ${exercise.readme}`);
    return 0;
  }
  const shown = readProgress().exercises[exercise.id]?.hintsShown ?? 0;
  // --again repeats the hints already seen instead of moving on.
  const upTo = options.again ? Math.max(shown, 1) : Math.min(shown + 1, exercise.hints.length);
  updateExercise(exercise.id, (entry) => {
    entry.hintsShown = Math.max(entry.hintsShown ?? 0, upTo);
  });
  for (let i = options.again ? 0 : upTo - 1; i < upTo; i++) {
    console.log(style.bold(`Hint ${i + 1} of ${exercise.hints.length} — ${exercise.id}`));
    console.log(exercise.hints[i]);
    console.log('');
  }
  if (!options.again && shown >= exercise.hints.length) console.log(style.dim('That was the last hint (shown again). `--again` repeats them all.'));
  else if (upTo < exercise.hints.length) console.log(style.dim(`Run the same command for hint ${upTo + 1}.`));
  return 0;
}
