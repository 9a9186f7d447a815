// The graders: exercises/<topic>/<NN-name>/*.test.ts, run by `npx workbook grade` (and by the
// project's own checks, with the solutions, starters and known-wrong answers as subjects).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { subjectPlugin } from './cli/grading/subject-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [subjectPlugin(root)],
  test: {
    include: ['exercises/**/*.test.ts'],
    exclude: ['exercises/_grading/**', 'node_modules/**'],
    globalSetup: ['exercises/_grading/global-setup.ts'],
    pool: 'threads', // a busy-looping answer is stopped by terminating its thread
    testTimeout: 10_000,
    hookTimeout: 30_000,
  },
});
