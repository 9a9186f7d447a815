// Shared by the site's tests: a copy of the fixture workbook to build (and break) in a temp
// folder, and this test run's databases.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { WorkbookRun } from '../../engine/testing/run.ts';

export const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'workbook');
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The databases the test run resolved (vitest's global setup). */
export function testRun(): WorkbookRun {
  return inject('workbook');
}

/**
 * A copy of the fixture workbook in the ignored site/dist, at the same depth as the original
 * (site/tests/fixtures/workbook), so its blocks' relative imports (../../../../../engine) hold.
 */
export interface FixtureCopy {
  root: string;
  outDir: string;
  edit(file: string, fn: (text: string) => string): void;
  dispose(): void;
}

export function fixtureCopy(): FixtureCopy {
  mkdirSync(path.join(REPO_ROOT, 'site', 'dist'), { recursive: true });
  const base = mkdtempSync(path.join(REPO_ROOT, 'site', 'dist', 'fx-'));
  const root = path.join(base, 'workbook');
  cpSync(FIXTURE, root, { recursive: true });
  return {
    root,
    outDir: path.join(base, 'out'),
    edit(file, fn) {
      const full = path.join(root, file);
      writeFileSync(full, fn(readFileSync(full, 'utf8')));
    },
    dispose() {
      rmSync(base, { recursive: true, force: true });
    },
  };
}
