// Global setup for graders. The `workbook` command resolves the databases itself (it prints the
// banner, keeps them for watch mode) and hands the run over in WORKBOOK_GRADING_RUN; run directly
// (`npx vitest --config vitest.exercises.config.ts`), this resolves them with the same resolver.
import type { TestProject } from 'vitest/node';
import type {} from '../../engine/testing/global-setup.ts';
import { startRun, type WorkbookRun } from '../../engine/testing/run.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const handed = process.env.WORKBOOK_GRADING_RUN;
  if (handed) {
    project.provide('workbook', JSON.parse(handed) as WorkbookRun);
    return undefined;
  }
  const run = await startRun();
  process.stderr.write(['Databases for this run:', ...run.banner.map((l) => `  ${l}`), ''].join('\n'));
  project.provide('workbook', { runId: run.runId, targets: run.targets, skipped: run.skipped });
  return () => run.finish();
}
