// Test helpers: per-dialect tests, isolation, and query counting.
export { assertNumQueries, QueryCountError } from './assert-num-queries.ts';
export { describeDialects, dialectTargets, type DialectSuite, type Isolation } from './dialects.ts';
export type { DialectTarget, WorkbookRun } from './run.ts';
export { barrier } from './barrier.ts';
