// The container suite (.ci/run): the engine's dialect tests with PostgreSQL and MySQL/MariaDB
// from testcontainers, plus tests that need a container engine themselves.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // engine/db's tests, and iterator()'s: its cursors and streams hold a connection across
    // round trips, which is worth seeing through Docker's port forwarding too.
    include: ['engine/db/**/*.test.ts', 'engine/query/tests/iterator.test.ts', 'engine/testing/containers-tests/*.containers.test.ts'],
    exclude: configDefaults.exclude,
  },
});
