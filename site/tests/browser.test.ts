// The built site in a real browser: Debian's chromium, headless, driven by playwright-core.
// Install it with `apt-get install -y chromium` (.ci/run does when it is missing).
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../lib/builder.ts';
import { serveSite } from '../lib/serve.ts';
import { fixtureCopy, REPO_ROOT, testRun, type FixtureCopy } from './helpers.ts';

const CHROMIUM = process.env.WORKBOOK_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'site', 'dist', 'screenshots');
// Without the networking flags Chromium tries to reach Google's services at start-up.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let fixture: FixtureCopy;
let result: BuildResult;
let browser: Browser;

const urlOf = (output: string) => pathToFileURL(path.join(fixture.outDir, output)).href;

/** Open a page and collect what the console and the page reported as errors. */
async function open(output: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('requestfailed', (r) => void errors.push(`failed to load ${r.url()}`));
  await page.goto(urlOf(output));
  return { page, errors };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}. Install Debian's chromium (apt-get update && apt-get install -y chromium) or set WORKBOOK_CHROMIUM.`);
  }
  fixture = fixtureCopy();
  // The real dialect lesson rides along, so its examples run in every test run too.
  copyFileSync(path.join(REPO_ROOT, 'lessons', '90-dialect-matrix.md'), path.join(fixture.root, 'lessons', '90-dialect-matrix.md'));
  result = await buildSite({ root: fixture.root, outDir: fixture.outDir, run: testRun() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  fixture?.dispose();
});

describe('the built site in Chromium', { timeout: 60_000 }, () => {
  test('every page loads without console errors, and every internal link and anchor resolves', async () => {
    const broken: string[] = [];
    for (const output of result.pages) {
      const { page, errors } = await open(output);
      expect(errors, output).toEqual([]);
      // Resolved by the browser: el.href / el.src are absolute file: URLs.
      const targets = await page.$$eval('a[href], link[href], script[src]', (els) =>
        els.map((el) => (el as unknown as { href?: string; src?: string }).href || (el as unknown as { src: string }).src),
      );
      for (const target of targets.filter((t) => t.startsWith('file:'))) {
        const [file, hash] = target.split('#') as [string, string | undefined];
        const filePath = fileURLToPath(file);
        if (!existsSync(filePath)) broken.push(`${output} → ${target}`);
        else if (hash && !readFileSync(filePath, 'utf8').includes(`id="${decodeURIComponent(hash)}"`)) broken.push(`${output} → ${target} (no such id)`);
      }
      await page.close();
    }
    expect(broken).toEqual([]);
    expect(result.pages.length).toBeGreaterThanOrEqual(6);
  });

  test('search finds a lesson by a word in it, and Enter goes there', async () => {
    const { page, errors } = await open('index.html');
    await page.fill('#search', 'thimbleberry');
    const first = page.locator('#search-results a').first();
    await expect.poll(() => first.textContent()).toContain('First steps with querysets');
    expect(await page.locator('#search-results a').count()).toBe(1);
    await page.press('#search', 'Enter');
    await page.waitForURL(/lessons\/01-first-steps\.html$/);
    expect(await page.locator('h1').first().textContent()).toContain('First steps with querysets');
    await page.fill('#search', 'zzzunfindable');
    expect(await page.locator('#search-results').textContent()).toContain('No page mentions that.');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the learning path navigates between lessons and to exercises', async () => {
    const { page } = await open('index.html');
    await page.click('.learning-path a:has-text("Dialects differ")');
    await page.waitForURL(/lessons\/02-dialects\.html$/);
    expect(await page.locator('.sidebar li.current').textContent()).toContain('Dialects differ');
    await page.click('.sidebar a:has-text("Count the long books")');
    await page.waitForURL(/exercises\/basics\/01-first-query\.html$/);
    await page.click('.lesson-link a');
    await page.waitForURL(/lessons\/01-first-steps\.html$/);
    await page.close();
  });

  test('a hint opens on click', async () => {
    const { page } = await open('exercises/basics/01-first-query.html');
    const hint = page.locator('details.hint').first();
    const text = hint.locator('text=Use SELECT COUNT(*)');
    expect(await hint.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(false);
    expect(await text.isVisible()).toBe(false);
    await hint.locator('summary').click();
    expect(await hint.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(true);
    expect(await text.isVisible()).toBe(true);
    await page.close();
  });

  test('a lesson with runnable blocks shows a panel per dialect under each block', async () => {
    const { page } = await open('lessons/01-first-steps.html');
    const blocks = page.locator('figure.runnable');
    expect(await blocks.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const panels = blocks.nth(i).locator('.dialect-panel');
      expect(await panels.evaluateAll((els) => els.map((el) => el.getAttribute('data-dialect')))).toEqual(['sqlite', 'postgres', 'mysql']);
      for (const target of testRun().targets) {
        const panel = blocks.nth(i).locator(`.dialect-panel[data-dialect="${target.dialect}"]`);
        expect(await panel.isVisible()).toBe(true);
        expect(await panel.locator('.panel-title').textContent()).toBe(target.vendor);
        expect(await panel.locator('.statement').count()).toBeGreaterThan(0);
      }
    }
    await page.close();
  });

  test('the theme switch toggles dark and light', async () => {
    const { page } = await open('lessons/90-dialect-matrix.html');
    const theme = () => page.evaluate<string>('document.documentElement.dataset.theme');
    const before = await theme();
    await page.click('#theme-toggle');
    expect(await theme()).toBe(before === 'dark' ? 'light' : 'dark');
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    await page.click('#theme-toggle');
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).not.toBe(background);
    await page.close();
  });

  test('screenshots of lesson pages are written for a person to look at', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [output, name] of [['lessons/90-dialect-matrix.html', 'lesson-dialect-matrix.png'], ['lessons/01-first-steps.html', 'lesson-runnable.png']] as const) {
      const { page, errors } = await open(output);
      expect(await page.locator('table.dialect-matrix, figure.runnable').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
      expect(readFileSync(path.join(SCREENSHOTS, name)).subarray(1, 4).toString()).toBe('PNG');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('npm run site -- --serve', { timeout: 60_000 }, () => {
  test('serves the site and reloads an open page when a lesson changes', async () => {
    const server = await serveSite({
      outDir: fixture.outDir,
      port: 0,
      watchPaths: [path.join(fixture.root, 'lessons')],
      rebuild: () => buildSite({ root: fixture.root, outDir: fixture.outDir, run: testRun() }).then(() => true),
      log: () => undefined,
    });
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}lessons/01-first-steps.html`);
      expect(await page.locator('h1').textContent()).toContain('First steps with querysets');
      await expect.poll(() => server.reloadClients()).toBe(1); // the page listens for reloads
      fixture.edit('lessons/01-first-steps.md', (text) => text.replace('# First steps with querysets', '# First steps, edited'));
      await page.waitForFunction("document.querySelector('h1')?.textContent?.includes('First steps, edited')", undefined, { timeout: 15_000 });
    } finally {
      await page.close();
      await server.close();
    }
  });
});
