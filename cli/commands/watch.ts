// `workbook watch [exercise]`: re-grade the current exercise on every save. Saves are debounced
// (200 ms), "checking…" is printed at once, only the current exercise is graded, and the
// databases and vitest stay open between runs. --manual grades on Enter instead of watching
// files (for file systems where change events are unreliable); --poll watches by polling.
import path from 'node:path';
import { createInterface } from 'node:readline';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { loadExercises, ROOT, selectOne, type Exercise } from '../grading/catalog.ts';
import { formatExercise } from '../grading/report-text.ts';
import { GradingSession } from '../grading/session.ts';
import { style } from '../output.ts';
import { nextExercise, readProgress, recordReport } from '../progress.ts';
import { hintCommand } from './hint.ts';
import { parseDbOption, printBanner } from './grade.ts';

export const DEBOUNCE_MS = 200;

export interface WatchOptions {
  db?: string;
  manual?: boolean;
  poll?: boolean;
  timeout?: string;
}

export async function watchCommand(target: string | undefined, options: WatchOptions): Promise<number> {
  const all = loadExercises();
  let current: Exercise | undefined = target ? selectOne(all, target) : nextExercise(all, readProgress());
  if (!current) {
    console.log('Every exercise is solved. Name one to watch it again: npx workbook watch <exercise>');
    return 0;
  }
  const session = await GradingSession.open({ dialects: parseDbOption(options.db), timeoutMs: Number(options.timeout ?? 60) * 1000 });
  printBanner(session);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let lastPassed = false;

  const check = async (): Promise<void> => {
    if (running) {
      again = true; // a save during a run: grade once more when it ends
      return;
    }
    const exercise = current!;
    running = (async () => {
      const report = await session.grade([exercise]);
      recordReport(report);
      const outcome = report.exercises[0]!;
      lastPassed = outcome.status === 'pass';
      console.log(formatExercise(outcome, false).join('\n'));
      console.log(
        lastPassed
          ? style.green(`\nPassed in ${(report.durationMs / 1000).toFixed(1)} s. `) + 'n: next exercise · q: quit'
          : style.dim(`\nGraded in ${(report.durationMs / 1000).toFixed(1)} s. Save ${exercise.file} to check again · h: hint · ${options.manual ? 'Enter: check · ' : ''}q: quit`),
      );
    })().finally(() => {
      running = undefined;
    });
    await running;
    if (again) {
      again = false;
      await check();
    }
  };

  const onSave = () => {
    if (!timer) process.stdout.write(style.dim('checking…\n'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void check();
    }, DEBOUNCE_MS);
  };

  const follow = async (exercise: Exercise) => {
    current = exercise;
    await watcher?.close();
    console.log(style.bold(`\nWatching ${exercise.id}`) + style.dim(`  edit ${exercise.file} · task: ${exercise.readme}`));
    if (!options.manual) {
      watcher = watchFiles(path.join(ROOT, exercise.file), { ignoreInitial: true, usePolling: options.poll ?? false, interval: 300 });
      watcher.on('change', onSave).on('add', onSave);
    }
    process.stdout.write(style.dim('checking…\n'));
    await check();
  };

  await follow(current);
  return new Promise<number>((resolve) => {
    const keys = createInterface({ input: process.stdin });
    const quit = async () => {
      keys.close();
      clearTimeout(timer);
      await watcher?.close();
      await running;
      await session.close();
      resolve(0);
    };
    keys.on('line', (line) => {
      const key = line.trim().toLowerCase();
      if (key === 'q') void quit();
      else if (key === 'h') hintCommand(current!.id, {});
      else if (key === 'n') {
        const next = nextExercise(loadExercises(), readProgress());
        if (!lastPassed) console.log('This one has not passed yet; `n` moves on once it does.');
        else if (next) void follow(next);
        else console.log(style.green('Every exercise is solved.'));
      } else if (key === '') onSave();
      else console.log(style.dim('Enter: check now · h: hint · n: next (after a pass) · q: quit'));
    });
    keys.on('close', () => void quit());
  });
}
