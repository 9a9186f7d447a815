// The HTML around every page: top bar (home, search, theme), the learning path on the left,
// the page, and its table of contents. Every URL is relative to the page (`root` is '' or
// '../'), so the folder works from disk and from any static host.
import type { Heading } from './markdown.ts';
import { escapeHtml } from './highlight.ts';

export interface NavEntry {
  title: string;
  output: string;
  /** 'lesson' entries are numbered on the path; 'more' sit below it. */
  group: 'lesson' | 'more' | 'exercises';
}

export interface PageShell {
  title: string;
  output: string;
  body: string;
  headings: Heading[];
  nav: NavEntry[];
  /** Text under the page, e.g. where the page came from. */
  footer: string;
}

export function rootOf(output: string): string {
  return '../'.repeat(output.split('/').length - 1);
}

// Set the theme before the first paint, so a dark page never flashes white.
const THEME_BOOT =
  "try{var t=localStorage.getItem('workbook-theme')||(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light');" +
  "document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme='light'}";

export function renderPage(page: PageShell): string {
  const root = rootOf(page.output);
  const href = (output: string) => escapeHtml(root + output);
  const navItems = (group: NavEntry['group']) =>
    page.nav
      .filter((n) => n.group === group)
      .map((n) => `<li${n.output === page.output ? ' aria-current="page" class="current"' : ''}><a href="${href(n.output)}">${escapeHtml(n.title)}</a></li>`)
      .join('');
  const toc = page.headings.filter((h) => h.level === 2 || h.level === 3);
  const tocHtml = toc.length
    ? `<nav class="toc" aria-label="On this page"><p class="toc-title">On this page</p><ol>${toc
        .map((h) => `<li class="toc-h${h.level}"><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`)
        .join('')}</ol></nav>`
    : '<nav class="toc" aria-label="On this page"></nav>';
  return `<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · orm-workbook</title>
<script>${THEME_BOOT}</script>
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body data-root="${root}">
<header class="topbar">
  <a class="brand" href="${root}index.html">orm-workbook</a>
  <div class="search" role="search">
    <input type="search" id="search" placeholder="Search lessons and exercises…" aria-label="Search the site" autocomplete="off">
    <ol id="search-results" class="search-results" hidden></ol>
  </div>
  <button id="theme-toggle" class="theme-toggle" type="button" aria-label="Switch between dark and light theme" title="Dark / light">◐</button>
</header>
<div class="layout">
<nav class="sidebar" aria-label="Learning path">
  <p class="nav-title"><a href="${root}index.html">Learning path</a></p>
  <ol class="nav-lessons">${navItems('lesson')}</ol>
  ${navItems('more') ? `<p class="nav-title">More</p><ul class="nav-more">${navItems('more')}</ul>` : ''}
  <p class="nav-title"><a href="${root}exercises/index.html">Exercises</a></p>
  <ul class="nav-exercises">${navItems('exercises')}</ul>
</nav>
<main class="content" id="content">
${page.body}
<footer class="page-footer">${page.footer}</footer>
</main>
${tocHtml}
</div>
<script src="${root}search-index.js"></script>
<script src="${root}assets/site.js"></script>
</body>
</html>
`;
}
