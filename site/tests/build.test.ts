// The builder on real databases: runnable blocks run on every dialect this test run reached,
// their panels and the dialect matrix are rendered, and every kind of mistake in a lesson
// fails the build with the file and line.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSettings } from '../../engine/testing/settings.ts';
import { startRun } from '../../engine/testing/run.ts';
import { probes } from '../../engine/dialects/index.ts';
import { BuildError, buildSite, type BuildResult } from '../lib/builder.ts';
import { FIXTURE, fixtureCopy, REPO_ROOT, testRun, type FixtureCopy } from './helpers.ts';

const LESSON_1 = 'lessons/01-first-steps.md';

async function buildProblems(fixture: FixtureCopy): Promise<string[]> {
  const error = await buildSite({ root: fixture.root, outDir: fixture.outDir, run: testRun() }).catch((e) => e);
  expect(error).toBeInstanceOf(BuildError);
  return (error as BuildError).problems;
}

function lineOf(fixture: FixtureCopy, file: string, needle: string): number {
  return readFileSync(path.join(fixture.root, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('building the fixture workbook', () => {
  let fixture: FixtureCopy;
  let result: BuildResult;
  const page = (output: string) => readFileSync(path.join(fixture.outDir, output), 'utf8');

  beforeAll(async () => {
    fixture = fixtureCopy();
    result = await buildSite({ root: fixture.root, outDir: fixture.outDir, run: testRun() });
  });
  afterAll(() => fixture.dispose());

  test('writes the home page, one page per lesson and exercise, assets and the search index', () => {
    expect(result.pages.sort()).toEqual([
      'exercises/basics/01-first-query.html',
      'exercises/index.html',
      'index.html',
      'lessons/01-first-steps.html',
      'lessons/02-dialects.html',
    ]);
    for (const file of [...result.pages, 'assets/site.css', 'assets/site.js', 'search-index.js', 'runs.json']) {
      expect(existsSync(path.join(fixture.outDir, file)), file).toBe(true);
    }
    expect(page('search-index.js')).toContain('thimbleberry');
    expect(page('index.html')).toMatch(/<ol class="learning-path"><li value="1"><a href="lessons\/01-first-steps.html">First steps with querysets<\/a>/);
  });

  test('a runnable block shows, per dialect, the SQL it sent with parameters and what it showed', () => {
    const html = page('lessons/01-first-steps.html');
    const run = testRun();
    for (const target of run.targets) {
      const panel = new RegExp(`<section class="dialect-panel" data-dialect="${target.dialect}" data-status="ok"><h4 class="panel-title">${target.vendor}</h4>`);
      expect(html).toMatch(panel);
    }
    expect(html.match(/class="dialect-panel"/g)).toHaveLength(2 * 3); // two visible blocks × three dialects
    expect(html).toContain('<span class="params" title="bound parameters">[1,&quot;Dune&quot;,412]</span>');
    expect(html).toContain('{&quot;title&quot;:&quot;Dune&quot;}');
    expect(html).toContain('<pre class="shown">function</pre>'); // an import from the engine worked
    expect(html).not.toContain('CREATE TABLE book'); // the hidden setup block is not shown...
    expect(html).toContain('[{&quot;n&quot;:2}]'); // ...but later blocks saw its table
  });

  test('a block whose result differs across dialects is flagged; a may-fail block shows the error', () => {
    const html = page('lessons/02-dialects.html');
    const dialects = testRun().targets.map((t) => t.dialect);
    const nullOrderDiffers = dialects.includes('postgres') && dialects.length > 1; // PostgreSQL sorts NULL last
    expect(html.includes('data-differs="true"')).toBe(nullOrderDiffers);
    if (dialects.includes('postgres')) expect(html).toMatch(/data-dialect="postgres" data-status="error">.*<pre class="raised">DataError: /s);
    expect(html).toMatch(/data-dialect="sqlite" data-status="ok">.*<pre class="shown">stored<\/pre>/s);
  });

  test('the dialect matrix has a row per probe and, per cell, the value and the server it came from', () => {
    const html = page('lessons/02-dialects.html');
    for (const probe of probes) expect(html).toContain(`<tr id="probe-${probe.name}"`);
    for (const target of testRun().targets) {
      expect(html).toContain(`<td class="cell" data-dialect="${target.dialect}"><code>`);
      expect(html).toContain(`<span class="cell-vendor">${target.vendor}</span>`);
    }
    expect(html).toMatch(/<tr id="probe-like-case".*?data-dialect="sqlite"><code>true<\/code>/s);
  });

  test('raw HTML is text unless the lesson opts in; details/summary lines and containers render', () => {
    const first = page('lessons/01-first-steps.html');
    expect(first).toContain('&lt;b&gt;not bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(first).toContain('<details class="details"><summary>Interview: when is a queryset evaluated?</summary>');
    expect(first).toContain('<details class="details"><summary>Another answer, as a container</summary>');
    expect(first).toContain('<aside class="callout callout-warning"><p class="callout-title">Careful</p>');
    expect(first).toContain('<aside class="callout callout-tip"><p class="callout-title">Tip</p>');
    expect(page('lessons/02-dialects.html')).toContain('<b class="opted-in">bold</b>');
  });

  test('links between sources become relative links between pages; headings get anchors and a TOC', () => {
    const first = page('lessons/01-first-steps.html');
    expect(first).toContain('href="02-dialects.html#null-ordering"');
    expect(first).toContain('href="../exercises/basics/01-first-query.html"');
    expect(first).toContain('<h2 id="running-an-example"><a class="anchor" href="#running-an-example"');
    expect(first).toContain('<li class="toc-h2"><a href="#callouts-and-answers">Callouts and answers</a></li>');
    expect(first).toContain('<link rel="stylesheet" href="../assets/site.css">');
    expect(first).toMatch(/<span class="hl-keyword">SELECT<\/span> id, title <span class="hl-keyword">FROM<\/span>/);
  });

  test('an exercise page has its task, hints behind a click, its lesson and the grade command', () => {
    const html = page('exercises/basics/01-first-query.html');
    expect(html).toContain('<details class="hint"><summary>Hint 1</summary>');
    expect(html).toContain('<details class="hint"><summary>Hint 2</summary>\n<p>Bind the number as a parameter:\n<code>WHERE pages &gt; ?</code>.</p>');
    expect(html).toContain('npx workbook grade basics/01-first-query');
    expect(html).toContain('Lesson: <a href="../../lessons/01-first-steps.html">First steps with querysets</a>');
    expect(html).toContain('<h2 id="grading-contract">');
    expect(html.indexOf('Use <code>SELECT COUNT(*)</code>')).toBeGreaterThan(html.indexOf('<section class="hints"'));
  });

  test('runs.json records the statements and results of every block per dialect', () => {
    const record = JSON.parse(page('runs.json'));
    const blocks = record.runs[LESSON_1];
    expect(blocks).toHaveLength(3);
    expect(blocks[1].dialects.sqlite.queries[2]).toMatchObject({ sql: 'SELECT title FROM book WHERE pages > ? ORDER BY id', params: '[400]' });
    expect(record.dialects.map((d: { dialect: string }) => d.dialect)).toEqual(['sqlite', 'postgres', 'mysql']);
  });
});

describe('a build fails on a mistake, naming the file and line', () => {
  let fixture: FixtureCopy;
  beforeAll(() => void (fixture = fixtureCopy()));
  afterAll(() => fixture.dispose());

  test('broken links and anchors, an unknown container, and a failing, uncompilable or mis-flagged block', async () => {
    fixture.edit(LESSON_1, (text) =>
      text
        .replace('[its exercise](../exercises/basics/01-first-query/README.md)', '[its exercise](../exercises/basics/09-missing/README.md)')
        .replace('(./02-dialects.md#null-ordering)', '(./02-dialects.md#no-such-heading)')
        .replace(':::tip', ':::hint')
        .replace("show(await db.query('SELECT COUNT(*) AS n FROM book'));", "show(await db.query('SELECT COUNT(*) AS n FROM no_such_table'));")
        .concat('\n```ts run\nconst x: number = ;\n```\n\n```ts run twice\nshow(1);\n```\n'),
    );
    const problems = await buildProblems(fixture);
    const seeLine = lineOf(fixture, LESSON_1, '[its exercise]');
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^lessons/01-first-steps.md:${seeLine}: broken link "../exercises/basics/09-missing/README.md"`)));
    expect(problems).toContainEqual(`lessons/01-first-steps.md:${seeLine}: the link points at #no-such-heading, but lessons/02-dialects.html has no heading with that id.`);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^lessons/01-first-steps.md:${lineOf(fixture, LESSON_1, ':::hint')}: unknown container ":::hint"`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^lessons/01-first-steps.md:${lineOf(fixture, LESSON_1, 'const x: number = ;')}: this \`ts run\` block does not compile`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^lessons/01-first-steps.md:${lineOf(fixture, LESSON_1, '```ts run twice')}: unknown flag "twice"`)));
    expect(existsSync(path.join(fixture.outDir, 'index.html'))).toBe(false); // nothing is written
  });

  test('a runnable block that raises names the line of the statement and the dialect', async () => {
    fixture.edit(LESSON_1, () => readFileSync(path.join(FIXTURE, LESSON_1), 'utf8').replace("FROM book'));", "FROM no_such_table'));"));
    const problems = await buildProblems(fixture);
    const line = lineOf(fixture, LESSON_1, 'no_such_table');
    const fence = line - 2;
    for (const target of testRun().targets) {
      expect(problems).toContainEqual(
        expect.stringMatching(new RegExp(`^lessons/01-first-steps.md:${line}: the \`ts run\` block at line ${fence} failed on ${target.dialect} \\(${target.vendor}\\): ProgrammingError: `)),
      );
    }
  });

  test('an exercise that links no lesson fails the build', async () => {
    fixture.edit(LESSON_1, () => readFileSync(path.join(FIXTURE, LESSON_1), 'utf8'));
    fixture.edit('exercises/basics/01-first-query/README.md', (text) => text.replace(/^> Lesson: .*$/m, ''));
    expect(await buildProblems(fixture)).toEqual([
      'exercises/basics/01-first-query/README.md:1: the exercise links no lesson; add a line such as "> Lesson: [Transactions](../../../lessons/08-transactions.md)".',
    ]);
  });
});


describe('a database that is not reachable at build time', () => {
  test('its panels and matrix column say so, with the reason, instead of showing output', async () => {
    const fixture = fixtureCopy();
    const settings = readSettings({
      WORKBOOK_DIALECTS: 'sqlite,postgres',
      WORKBOOK_DB_SOURCE: 'servers',
      WORKBOOK_POSTGRES_URL: 'postgres://postgres@127.0.0.1:1/postgres', // nothing listens on port 1
    });
    const run = await startRun(settings);
    try {
      await buildSite({ root: fixture.root, outDir: fixture.outDir, run });
      const html = readFileSync(path.join(fixture.outDir, 'lessons/02-dialects.html'), 'utf8');
      expect(html).toMatch(
        /<section class="dialect-panel" data-dialect="postgres" data-status="unreachable"><h4 class="panel-title">PostgreSQL<\/h4><p class="unreachable">not reachable at build time: WORKBOOK_POSTGRES_URL is set but its server did not answer: /,
      );
      expect(html).toContain('<p class="unreachable">not reachable at build time: left out of this build by WORKBOOK_DIALECTS</p>');
      expect(html).toMatch(/<td class="cell unreachable" data-dialect="postgres">not reachable at build time: WORKBOOK_POSTGRES_URL is set/);
      expect(html).not.toContain('PostgreSQL 1'); // no version: nothing from PostgreSQL is shown
      expect(html).not.toContain('data-differs'); // one dialect ran: nothing to compare
    } finally {
      await run.finish();
      fixture.dispose();
    }
  });
});

// Runs every lesson's blocks on every database: 14 s measured on a busy CI machine, so its own deadline.
describe("the repository's own lessons and exercises", { timeout: 120_000 }, () => {
  test('build: every runnable block passes on every dialect and every link resolves', async () => {
    const out = mkdtempSync(path.join(REPO_ROOT, 'site', 'dist', 'repo-'));
    try {
      const result = await buildSite({ root: REPO_ROOT, outDir: out, run: testRun() });
      const lessons = readdirSync(path.join(REPO_ROOT, 'lessons')).filter((f) => f.endsWith('.md'));
      for (const lesson of lessons) expect(result.pages).toContain(`lessons/${lesson.replace(/\.md$/, '.html')}`);
      expect(result.pages).toContain('lessons/90-dialect-matrix.html');
      expect(result.runnableBlocks).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a block that never finishes', () => {
  test('fails the build after the timeout instead of hanging it, and the blocks after it do not run', async () => {
    const fixture = fixtureCopy();
    try {
      fixture.edit(LESSON_1, (text) => text.replace("show(await db.query('SELECT COUNT(*) AS n FROM book'));", 'await new Promise(() => {});'));
      const error = await buildSite({ root: fixture.root, outDir: fixture.outDir, run: testRun(), blockTimeoutMs: 300 }).catch((e) => e);
      expect(error).toBeInstanceOf(BuildError);
      const fence = lineOf(fixture, LESSON_1, 'await new Promise(() => {});') - 2;
      for (const target of testRun().targets) {
        expect((error as BuildError).problems).toContainEqual(
          `lessons/01-first-steps.md:${fence}: the \`ts run\` block at line ${fence} failed on ${target.dialect} (${target.vendor}): ` +
            'BlockTimeout: the block did not finish within 0.3 s (waiting for a lock? a promise that never settles?). ' +
            'Fix the example, or mark it `ts run may-fail` if the error is the point.',
        );
      }
    } finally {
      fixture.dispose();
    }
  });
});
