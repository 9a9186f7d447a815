// The container suite (.ci/run): the engine's dialect tests with PostgreSQL and MySQL/MariaDB
// from testcontainers, plus tests that need a container engine themselves.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['engine/db/**/*.test.ts', 'engine/testing/containers-tests/*.containers.test.ts'],
    exclude: configDefaults.exclude,
  },
});
