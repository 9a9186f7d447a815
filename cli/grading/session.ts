// A grading session: the databases resolved once (engine/testing's startRun, the same resolver
// as the tests) and one vitest instance kept open, so `watch` re-grades without paying for
// either again. Each grade() runs the chosen exercises' graders and returns plain results.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Vitest } from 'vitest/node';
import type { DialectName } from '../../engine/index.ts';
import { RequiredDialectMissing, startRun, type StartedRun } from '../../engine/testing/run.ts';
import { readSettings } from '../../engine/testing/settings.ts';
import { ROOT, type Exercise } from './catalog.ts';
import { outcomeOf, RESULTS_VERSION, type GradeReport } from './results.ts';
import { SUBJECTS_VARIABLE } from './subject-plugin.ts';
import { TypeChecker, withTypeProblems } from './type-check.ts';

export type Subject = 'exercise' | 'solution' | 'starter' | `wrong:${number}`;

export interface SessionOptions {
  /** Dialects asked for by name: each must be available. Default: every one this machine has. */
  dialects?: DialectName[];
  /** Stop a whole grading run after this long (a check that never returns, a busy loop). */
  timeoutMs?: number;
  /** Per-check limit, passed to vitest's testTimeout. */
  testTimeoutMs?: number;
  /**
   * false: grader files share their worker's modules (the engine is loaded once per worker, not
   * once per file) — faster for one-shot runs of many exercises. Watch mode keeps isolation, so a
   * re-run always imports the learner's file afresh.
   */
  isolate?: boolean;
}

export class GradingSession {
  private vitest: Vitest | undefined;
  private readonly types = new TypeChecker(ROOT);

  private constructor(
    readonly run: StartedRun,
    private readonly options: SessionOptions,
  ) {}

  static async open(options: SessionOptions = {}): Promise<GradingSession> {
    const settings = readSettings();
    if (options.dialects) {
      settings.wanted = options.dialects;
      settings.required = [...new Set([...settings.required.filter((d) => options.dialects!.includes(d)), ...options.dialects])];
    }
    try {
      return new GradingSession(await startRun(settings), options);
    } catch (err) {
      // The resolver speaks of WORKBOOK_REQUIRE; here the learner asked with --db.
      if (err instanceof RequiredDialectMissing && options.dialects) throw new RequiredDialectMissing(err.message.replace(/WORKBOOK_REQUIRE names/g, '--db (or WORKBOOK_REQUIRE) names'));
      throw err;
    }
  }

  get targets() {
    return this.run.targets.map((t) => ({ dialect: t.dialect, vendor: t.vendor }));
  }

  /** The file graded for an exercise under a subject, or undefined when it has none (wrong:N). */
  static subjectFile(exercise: Exercise, subject: Subject): string | undefined {
    if (subject === 'exercise') return exercise.file;
    if (subject === 'solution') return exercise.solution;
    if (subject === 'starter') return exercise.starter;
    return exercise.wrong[Number(subject.slice('wrong:'.length)) - 1]?.file;
  }

  async grade(exercises: Exercise[], subject: Subject = 'exercise'): Promise<GradeReport> {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const chosen = exercises.filter((e) => GradingSession.subjectFile(e, subject));
    const subjects = Object.fromEntries(chosen.map((e) => [e.id, GradingSession.subjectFile(e, subject)!]));
    process.env[SUBJECTS_VARIABLE] = JSON.stringify(subject === 'exercise' ? {} : subjects);
    const vitest = await this.vitestInstance();
    // Everything in the exercise's folder (graders, models.ts that imports ./exercise.ts) and the
    // subject itself is read afresh: another subject, or a save, may have changed what it imports.
    for (const e of chosen) {
      vitest.invalidateFile(path.join(ROOT, subjects[e.id]!));
      vitest.invalidateFile(path.join(ROOT, e.file));
      for (const f of readdirSync(path.join(ROOT, e.dir))) if (f.endsWith('.ts')) vitest.invalidateFile(path.join(ROOT, e.dir, f));
    }
    const specs = (await vitest.getRelevantTestSpecifications(chosen.flatMap((e) => e.graders))).filter((s) =>
      chosen.some((e) => e.graders.includes(path.relative(ROOT, s.moduleId))),
    );
    // Solutions and starters are type-checked by `npm test`; a learner's file is checked here,
    // beside the graders (they run in worker processes).
    const typing = subject === 'exercise' ? this.types.check(chosen.map((e) => e.file)) : Promise.resolve(new Map());
    const { modules, cut } = await this.runWithin(vitest, specs);
    const typeProblems = await typing;
    const outcomes = chosen.map((e) => withTypeProblems(outcomeOf(ROOT, e, subjects[e.id]!, modules, this.targets, cut), typeProblems.get(e.file)));
    return {
      version: RESULTS_VERSION,
      status: outcomes.every((o) => o.status === 'pass') ? 'pass' : 'fail',
      message: cut ? `Grading was stopped after ${this.timeoutMs / 1000} s.` : null,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      databases: this.targets,
      skipped: this.run.skipped.map((s) => ({ dialect: s.dialect, reason: s.reason })),
      exercises: outcomes,
    };
  }

  async close(): Promise<void> {
    const vitest = this.vitest;
    this.vitest = undefined;
    if (vitest) await Promise.race([vitest.close(), sleep(3000)]);
    await this.run.finish();
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 120_000;
  }

  private async runWithin(vitest: Vitest, specs: Parameters<Vitest['runTestSpecifications']>[0]) {
    if (specs.length === 0) return { modules: [], cut: false };
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'cut'>((resolve) => {
      timer = setTimeout(() => resolve('cut'), this.timeoutMs);
    });
    const outcome = await Promise.race([vitest.runTestSpecifications(specs), limit]).finally(() => clearTimeout(timer));
    if (outcome !== 'cut') return { modules: outcome.testModules, cut: false };
    // A busy loop never yields: close this vitest (its worker threads are terminated) and
    // start a fresh one next time.
    this.vitest = undefined;
    const modules = [...vitest.state.getTestModules()];
    void Promise.race([vitest.close(), sleep(3000)]);
    return { modules, cut: true };
  }

  private async vitestInstance(): Promise<Vitest> {
    if (this.vitest) return this.vitest;
    process.env.WORKBOOK_GRADING_RUN = JSON.stringify({ runId: this.run.runId, targets: this.run.targets, skipped: this.run.skipped });
    const { createVitest } = await import('vitest/node');
    this.vitest = await createVitest(
      'test',
      {
        root: ROOT,
        config: path.join(ROOT, 'vitest.exercises.config.ts'),
        watch: false,
        reporters: [{}], // results are read from the returned modules; print nothing
        ...(this.options.testTimeoutMs ? { testTimeout: this.options.testTimeoutMs } : {}),
        ...(this.options.isolate === false ? { isolate: false } : {}),
      },
      {},
      { stdout: process.stderr },
    );
    return this.vitest;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
