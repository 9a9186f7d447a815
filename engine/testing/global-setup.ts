// vitest's globalSetup: resolve the databases once per run, share them with every worker,
// and drop the run's databases and stop its containers when the run ends.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startRun, type WorkbookRun } from './run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    workbook: WorkbookRun;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = await startRun();
  process.stdout.write(['', 'Databases for this run:', ...run.banner.map((l) => `  ${l}`), ''].join('\n') + '\n');
  project.provide('workbook', { runId: run.runId, targets: run.targets, skipped: run.skipped });
  const stop = () => void run.finish().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return async () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await run.finish();
  };
}
