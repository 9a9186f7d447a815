// `npm start` / `workbook status`: progress per topic and per dialect, and what to do next.
import { discover } from '../../engine/testing/discover.ts';
import { loadExercises, type Exercise } from '../grading/catalog.ts';
import { mark, style } from '../output.ts';
import { dialectState, nextExercise, readProgress, stateOf, type Progress } from '../progress.ts';
import type { DialectName } from '../../engine/index.ts';

export async function statusCommand(): Promise<number> {
  const exercises = loadExercises();
  const progress = readProgress();
  const { dialects } = await discover();
  const found = dialects.filter((d) => d.found).map((d) => d.dialect as DialectName);

  console.log(style.bold('orm-workbook') + style.dim(' — Django’s data layer, on SQLite, PostgreSQL and MySQL/MariaDB'));
  console.log('');
  console.log(style.bold('Databases'));
  for (const d of dialects) console.log(`  ${d.found ? mark.ok() : mark.absent()} ${d.dialect.padEnd(9)}${d.found ? d.detail : style.dim(d.detail)}`);
  console.log('');
  printProgress(exercises, progress, found);
  console.log('');
  const next = nextExercise(exercises, progress);
  if (!next) {
    console.log(style.green('Every exercise is solved. `npx workbook list` shows them all; try them on another database with --db.'));
    return 0;
  }
  console.log(style.bold('Next exercise') + `  ${next.title} (${next.id}, ${next.kind}, difficulty ${next.difficulty} of 5)`);
  console.log(`  read   ${next.readme}`);
  console.log(`  edit   ${next.file}`);
  console.log(`  run    npx workbook grade ${next.id}     ${style.dim('or: npx workbook watch (re-grades on every save)')}`);
  console.log(`  learn  ${next.lesson}`);
  console.log('');
  console.log(style.dim('More: npx workbook list | hint <exercise> | reset <exercise> | solution <exercise> | --help'));
  return 0;
}

function printProgress(exercises: Exercise[], progress: Progress, dialects: DialectName[]): void {
  const topics = [...new Set(exercises.map((e) => e.topic))];
  const header = `  ${'topic'.padEnd(14)}${'solved'.padStart(7)}${'attempted'.padStart(11)}${'not started'.padStart(13)}   ${dialects.map((d) => d.padEnd(10)).join('')}`;
  console.log(style.bold(`Progress (${exercises.filter((e) => stateOf(e, progress) === 'solved').length} of ${exercises.length} solved)`));
  console.log(style.dim(header));
  for (const topic of topics) {
    const mine = exercises.filter((e) => e.topic === topic);
    const count = (s: string) => mine.filter((e) => stateOf(e, progress) === s).length;
    const perDialect = dialects.map((d) => `${mine.filter((e) => dialectState(e, progress, d) === 'solved').length}/${mine.length}`.padEnd(10)).join('');
    console.log(`  ${topic.padEnd(14)}${String(count('solved')).padStart(7)}${String(count('attempted')).padStart(11)}${String(count('not started')).padStart(13)}   ${perDialect}`);
  }
  console.log(style.dim(`  (per dialect: solved on that database / exercises in the topic)`));
}
