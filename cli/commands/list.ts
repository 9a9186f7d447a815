// `workbook list`: every exercise in order, with its state, kind and difficulty.
import { loadExercises } from '../grading/catalog.ts';
import { mark, style } from '../output.ts';
import { readProgress, stateOf } from '../progress.ts';
import { writeOut } from './grade.ts';

export async function listCommand(options: { json?: boolean }): Promise<number> {
  const exercises = loadExercises();
  const progress = readProgress();
  if (options.json) {
    const rows = exercises.map((e) => ({ id: e.id, title: e.title, kind: e.kind, difficulty: e.difficulty, lesson: e.lesson, path: e.file, state: stateOf(e, progress) }));
    await writeOut(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  let topic = '';
  for (const e of exercises) {
    if (e.topic !== topic) {
      topic = e.topic;
      console.log(style.bold(`\n${topic}`) + style.dim(`  (${e.lesson})`));
    }
    const state = stateOf(e, progress);
    const symbol = state === 'solved' ? mark.ok() : state === 'attempted' ? style.yellow('~') : ' ';
    const stars = '★'.repeat(e.difficulty) + '☆'.repeat(Math.max(0, 5 - e.difficulty));
    console.log(`  ${symbol} ${e.id.padEnd(46)} ${stars}  ${style.dim(e.kind.padEnd(16))} ${e.title}`);
  }
  console.log(style.dim(`\n${mark.ok()} solved  ~ attempted.  Grade one: npx workbook grade <exercise>`));
  return 0;
}
