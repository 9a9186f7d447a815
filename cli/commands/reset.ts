// `workbook reset <exercise>`: put the starter back, after asking; the learner's file is kept
// in .workbook/backups/ first, so nothing is ever lost silently.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadExercises, ROOT, selectOne, UsageError } from '../grading/catalog.ts';
import { style } from '../output.ts';
import { isEdited, stateDir, updateExercise } from '../progress.ts';

export async function resetCommand(target: string, options: { yes?: boolean }): Promise<number> {
  const exercise = selectOne(loadExercises(), target);
  const file = path.join(ROOT, exercise.file);
  if (!isEdited(exercise)) {
    console.log(`${exercise.file} is already the starter; nothing to do.`);
    return 0;
  }
  if (!options.yes) {
    if (!process.stdin.isTTY) throw new UsageError(`Resetting replaces your ${exercise.file}. Add --yes to do it without a question.`);
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Replace your ${exercise.file} with the starter? Your version is kept in a backup. [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      console.log('Nothing changed.');
      return 0;
    }
  }
  const backups = path.join(stateDir(), 'backups');
  mkdirSync(backups, { recursive: true });
  const backup = path.join(backups, `${exercise.id.replace(/\//g, '__')}-${new Date().toISOString().replace(/[:.]/g, '-')}.ts`);
  copyFileSync(file, backup);
  copyFileSync(path.join(ROOT, exercise.starter), file);
  updateExercise(exercise.id, (entry) => {
    entry.dialects = {};
    delete entry.solvedAt;
  });
  console.log(`${exercise.file} is the starter again. Your version: ${path.relative(process.cwd(), backup)}`);
  console.log(style.dim(readFileSync(file, 'utf8').split('\n').length + ' lines; grade it with npx workbook grade ' + exercise.id));
  return 0;
}
