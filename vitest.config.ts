import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'cli/**/*.test.ts', 'site/**/*.test.ts', 'tests/**/*.test.ts'],
    // Tests that need a container engine run in the container suite (vitest.containers.config.ts).
    exclude: [...configDefaults.exclude, '**/*.containers.test.ts'],
    globalSetup: ['engine/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
