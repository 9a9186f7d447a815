// Build the site: read lessons and exercises, run the runnable blocks and the dialect probes
// on every reachable database, render Markdown, check every link, and write static HTML.
// Problems (a broken link, a failing block) are collected and fail the build together, each
// naming its file and line; nothing is written when there are any.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Token } from 'markdown-it';
import type { WorkbookRun } from '../../engine/testing/run.ts';
import { readExercises, readLessons, type Exercise, type Lesson } from './content.ts';
import { dialectStates, runLessonBlocks, runProbeMatrix, type DialectState, type ProbeColumn } from './dialect-runs.ts';
import { escapeHtml } from './highlight.ts';
import { renderPage, type NavEntry } from './layout.ts';
import { brokenAnchors, relativeHref, type AnchorCheck, type LinkTable } from './links.ts';
import { createMarkdown, fileLine, type Heading, type RenderEnv } from './markdown.ts';
import { renderMatrix, renderRunnable } from './panels.ts';
import { compileAll, parseRunInfo, type BlockOutcome, type RunnableBlock } from './runnable.ts';
import { plainText, searchIndexScript, type SearchEntry } from './search.ts';

export const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const MARKER = '.orm-workbook-site';

export interface BuildOptions {
  /** The repository root: lessons/ and exercises/ are read from here. */
  root: string;
  outDir: string;
  /** The databases of this build (engine/testing startRun(), or a test run's). */
  run: WorkbookRun;
  now?: Date;
  /** How long one runnable block may take on one dialect (default BLOCK_TIMEOUT_MS, 15 s). */
  blockTimeoutMs?: number;
}

export interface BuildResult {
  pages: string[];
  runnableBlocks: number;
  dialects: DialectState[];
  durationMs: number;
}

export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The site was not built: ${problems.length} problem(s).\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

interface Rendered {
  output: string;
  title: string;
  kind: 'lesson' | 'exercise' | 'page';
  body: string;
  headings: Heading[];
  footer: string;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const problems: string[] = [];
  const lessons = collect(problems, () => readLessons(options.root), []);
  const exercises = collect(problems, () => readExercises(options.root), []);
  const states = dialectStates(options.run);
  const links: LinkTable = { root: options.root, pages: new Map([...lessons, ...exercises].map((p) => [p.source, p.output])) };
  const anchorChecks: AnchorCheck[] = [];
  const mdSafe = createMarkdown({ html: false });
  const mdHtml = createMarkdown({ html: true });
  const newEnv = (source: string, output: string, lineOffset: number): RenderEnv => ({
    source, output, lineOffset, problems, headings: [], links, anchorChecks, runs: new Map(),
  });

  const wantsMatrix = lessons.some((l) => /^```dialect-matrix\s*$/m.test(l.body));
  const matrix: Promise<ProbeColumn[] | undefined> = wantsMatrix ? runProbeMatrix(states, options.run.runId) : Promise.resolve(undefined);
  const records: Record<string, unknown> = {};
  let runnableBlocks = 0;

  const renderedLessons = await mapLimit(lessons, 4, async (lesson): Promise<Rendered> => {
    const md = lesson.front.html ? mdHtml : mdSafe;
    const env = newEnv(lesson.source, lesson.output, lesson.bodyLine - 1);
    const tokens = md.parse(lesson.body, env);
    const blocks = runnableBlocksOf(tokens, env);
    const { fns, errors } = compileAll(blocks.map((b) => b.block));
    problems.push(...errors);
    if (blocks.length && errors.length === 0) {
      runnableBlocks += blocks.filter((b) => !b.block.hidden).length;
      const columns = await collectAsync(problems, () => runLessonBlocks(blocks.map((b) => b.block), fns, states, options.run.runId, options.root, options.blockTimeoutMs));
      if (columns) {
        problems.push(...blockFailures(blocks.map((b) => b.block), columns));
        blocks.forEach(({ block }, i) => {
          env.runs.set(block.line, block.hidden ? '' : renderRunnable(block.code, i, columns, block.line));
        });
        records[lesson.source] = blocks.map(({ block }, i) => ({
          line: block.line,
          hidden: block.hidden,
          dialects: Object.fromEntries(columns.map((c) => [c.state.dialect, c.vendor ? { vendor: c.vendor, ...c.outcomes[i] } : { unreachable: !c.state.reachable && c.state.reason }])),
        }));
      }
    }
    if (/^```dialect-matrix\s*$/m.test(lesson.body)) {
      const columns = await matrix;
      if (columns) env.matrixHtml = renderMatrix(columns, now);
      records['dialect-matrix'] = columns?.map((c) => c.run ?? { dialect: c.state.dialect, unreachable: c.state.reachable ? c.error : c.state.reason });
    }
    const body = md.renderer.render(tokens, md.options, env);
    return { output: lesson.output, title: lesson.title, kind: 'lesson', body, headings: env.headings, footer: sourceFooter(lesson.source, states, now) };
  });

  const lessonOfExercise = new Map<string, Lesson>();
  const renderedExercises = exercises.map((exercise): Rendered => {
    const env = newEnv(exercise.source, exercise.output, exercise.bodyLine - 1);
    const md = exercise.front.html ? mdHtml : mdSafe;
    const task = md.render(exercise.task, env);
    const { lesson, linksLesson } = lessonLinkOf(exercise, lessons);
    if (lesson) lessonOfExercise.set(exercise.id, lesson);
    else if (!linksLesson) problems.push(`${exercise.source}:1: the exercise links no lesson; add a line such as "> Lesson: [Transactions](../../../lessons/08-transactions.md)".`);
    const hints = exercise.hints.map((hint) => {
      const hintEnv = { ...newEnv(exercise.source, exercise.output, hint.line - 1), headings: [] };
      return `<details class="hint"><summary>${escapeHtml(hint.title)}</summary>\n${md.render(hint.markdown, hintEnv)}</details>`;
    });
    const body =
      task +
      `<section class="grade" id="grade"><h2>Grade it</h2><p>Edit <code>exercises/${escapeHtml(exercise.id)}/exercise.ts</code>, then run:</p>` +
      `<div class="code-block"><pre><code>npx workbook grade ${escapeHtml(exercise.id)}</code></pre></div>` +
      (lesson ? `<p class="lesson-link">Lesson: <a href="${relativeHref(exercise.output, lesson.output)}">${escapeHtml(lesson.title)}</a></p>` : '') +
      `</section>` +
      (hints.length ? `<section class="hints" id="hints"><h2>Hints</h2><p class="hints-note">Open one at a time; each gives a little more away.</p>${hints.join('\n')}</section>` : '');
    const headings = [...env.headings, { level: 2, id: 'grade', text: 'Grade it' }, ...(hints.length ? [{ level: 2, id: 'hints', text: 'Hints' }] : [])];
    return { output: exercise.output, title: exercise.title, kind: 'exercise', body, headings, footer: sourceFooter(exercise.source, states, now) };
  });

  const extra = [homePage(lessons, exercises, lessonOfExercise, states, now), exerciseIndex(exercises, lessonOfExercise)];
  const all = [...renderedLessons, ...renderedExercises, ...extra];
  const ids = new Map(all.map((p) => [p.output, new Set(p.headings.map((h) => h.id))]));
  problems.push(...brokenAnchors(anchorChecks, ids));
  await matrix;
  if (problems.length) throw new BuildError([...new Set(problems)]);

  const nav: NavEntry[] = [
    ...lessons.map((l) => ({ title: l.order === undefined ? l.title : `${l.order}. ${l.title.replace(/^\d+\.\s*/, '')}`, output: l.output, group: l.order === undefined ? ('more' as const) : ('lesson' as const) })),
    ...exercises.map((e) => ({ title: e.title, output: e.output, group: 'exercises' as const })),
  ];
  prepareOutDir(options.outDir);
  const search: SearchEntry[] = [];
  for (const page of all) {
    const html = renderPage({ ...page, nav });
    mkdirSync(path.dirname(path.join(options.outDir, page.output)), { recursive: true });
    writeFileSync(path.join(options.outDir, page.output), html);
    search.push({ t: page.title, u: page.output, k: page.kind, h: page.headings.map((h) => h.text).join(' · '), x: plainText(page.body).slice(0, 20000) });
  }
  writeFileSync(path.join(options.outDir, 'search-index.js'), searchIndexScript(search));
  writeFileSync(path.join(options.outDir, 'runs.json'), JSON.stringify({ builtAt: now.toISOString(), dialects: states.map(publicState), runs: records }, null, 2));
  cpSync(ASSETS_DIR, path.join(options.outDir, 'assets'), { recursive: true });
  return { pages: all.map((p) => p.output), runnableBlocks, dialects: states, durationMs: Math.round(performance.now() - started) };
}

function publicState(s: DialectState) {
  return s.reachable ? { dialect: s.dialect, vendor: s.vendor } : { dialect: s.dialect, unreachable: s.reason };
}

function runnableBlocksOf(tokens: Token[], env: RenderEnv): Array<{ block: RunnableBlock }> {
  return tokens.flatMap((token) => {
    if (token.type !== 'fence') return [];
    const line = fileLine(env, token);
    let info: ReturnType<typeof parseRunInfo>;
    try {
      info = parseRunInfo(token.info, `${env.source}:${line}`);
    } catch (err) {
      env.problems.push((err as Error).message);
      return [];
    }
    if (!info) return [];
    return [{ block: { source: env.source, line, code: token.content, hidden: info.hidden, mayFail: info.mayFail } }];
  });
}

function blockFailures(blocks: RunnableBlock[], columns: Awaited<ReturnType<typeof runLessonBlocks>>): string[] {
  const failures: string[] = [];
  blocks.forEach((block, i) => {
    if (block.mayFail) return;
    for (const column of columns) {
      const outcome: BlockOutcome | undefined = column.outcomes[i];
      if (!outcome?.error) continue;
      failures.push(
        `${block.source}:${outcome.errorLine ?? block.line}: the \`ts run\` block at line ${block.line} failed on ${column.state.dialect} ` +
          `(${column.vendor}): ${outcome.error}. Fix the example, or mark it \`ts run may-fail\` if the error is the point.`,
      );
    }
  });
  return failures;
}

/** The lesson an exercise's README links to; `linksLesson` is true even when that link is broken. */
function lessonLinkOf(exercise: Exercise, lessons: Lesson[]): { lesson?: Lesson; linksLesson: boolean } {
  let linksLesson = false;
  for (const m of exercise.body.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(exercise.source), m[1]!));
    if (!target.startsWith('lessons/')) continue;
    linksLesson = true;
    const lesson = lessons.find((l) => l.source === target);
    if (lesson) return { lesson, linksLesson };
  }
  return { linksLesson };
}

function sourceFooter(source: string, states: DialectState[], now: Date): string {
  const dbs = states.map((s) => (s.reachable ? escapeHtml(s.vendor) : `${s.dialect}: not reachable`)).join(' · ');
  return `Source: <code>${escapeHtml(source)}</code> · built ${now.toISOString().slice(0, 10)} on ${dbs}`;
}

function homePage(lessons: Lesson[], exercises: Exercise[], lessonOf: Map<string, Lesson>, states: DialectState[], now: Date): Rendered {
  const path_ = lessons.filter((l) => l.order !== undefined);
  const more = lessons.filter((l) => l.order === undefined);
  const exerciseLinks = (lesson: Lesson) => {
    const own = exercises.filter((e) => lessonOf.get(e.id) === lesson);
    return own.length ? `<ul class="path-exercises">${own.map((e) => `<li>Exercise: <a href="${e.output}">${escapeHtml(e.title)}</a></li>`).join('')}</ul>` : '';
  };
  const body =
    `<h1 id="orm-workbook">orm-workbook</h1>\n<p class="lead">The ideas behind Django’s data layer, in TypeScript, measured on SQLite, PostgreSQL and MySQL/MariaDB. ` +
    `Read a lesson, run its examples, then grade yourself on its exercises.</p>\n` +
    `<h2 id="learning-path">Learning path</h2>\n` +
    (path_.length ? `<ol class="learning-path">${path_.map((l) => `<li value="${l.order}"><a href="${l.output}">${escapeHtml(l.title)}</a>${exerciseLinks(l)}</li>`).join('\n')}</ol>` : '<p>No lessons yet.</p>') +
    (more.length ? `<h2 id="more">More</h2><ul>${more.map((l) => `<li><a href="${l.output}">${escapeHtml(l.title)}</a></li>`).join('')}</ul>` : '') +
    `<h2 id="databases">Databases this site was built on</h2><ul class="databases">${states
      .map((s) => `<li data-dialect="${s.dialect}">${s.reachable ? escapeHtml(s.vendor) : `${s.dialect}: not reachable at build time: ${escapeHtml(s.reason)}`}</li>`)
      .join('')}</ul>`;
  return {
    output: 'index.html', title: 'Learning path', kind: 'page', body,
    headings: [{ level: 2, id: 'learning-path', text: 'Learning path' }, ...(more.length ? [{ level: 2, id: 'more', text: 'More' }] : []), { level: 2, id: 'databases', text: 'Databases' }],
    footer: `Built ${escapeHtml(now.toISOString())}`,
  };
}

function exerciseIndex(exercises: Exercise[], lessonOf: Map<string, Lesson>): Rendered {
  const topics = [...new Set(exercises.map((e) => e.topic))];
  const body =
    `<h1 id="exercises">Exercises</h1><p>Each exercise is graded on every database: <code>npx workbook grade &lt;topic&gt;/&lt;name&gt;</code>.</p>` +
    (topics.length ? '' : '<p>No exercises yet.</p>') +
    topics
      .map((topic) => {
        const items = exercises.filter((e) => e.topic === topic).map((e) => {
          const lesson = lessonOf.get(e.id);
          return `<li><a href="${relativeHref('exercises/index.html', e.output)}">${escapeHtml(e.title)}</a>${lesson ? ` — lesson: <a href="${relativeHref('exercises/index.html', lesson.output)}">${escapeHtml(lesson.title)}</a>` : ''}</li>`;
        });
        return `<h2 id="${escapeHtml(topic)}">${escapeHtml(topic)}</h2><ul>${items.join('')}</ul>`;
      })
      .join('\n');
  return { output: 'exercises/index.html', title: 'Exercises', kind: 'page', body, headings: topics.map((t) => ({ level: 2, id: t, text: t })), footer: '' };
}

// Only a folder this builder made (or an empty one) is emptied before writing.
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!existsSync(path.join(outDir, MARKER))) {
      throw new BuildError([`${outDir} is not empty and was not made by this builder; pick another --out folder.`]);
    }
    for (const entry of readdirSync(outDir)) rmSync(path.join(outDir, entry), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, MARKER), 'Built by site/build.ts; emptied on every build.\n');
}

function collect<T>(problems: string[], fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    problems.push((err as Error).message);
    return fallback;
  }
}

async function collectAsync<T>(problems: string[], fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    problems.push((err as Error).message);
    return undefined;
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
