// markdown-it, set up for the lessons: raw HTML off (a page opts in with `html: true`) except
// <details>/<summary> lines, :::note/:::warning/:::tip/:::details containers, heading ids with
// anchors, highlighted code, runnable blocks with their per-dialect panels, the dialect
// matrix, and every link checked and rewritten to the page it points at.
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance, StateBlock, StateCore, Token } from 'markdown-it';
import { escapeHtml, highlight, languageOf } from './highlight.ts';
import { checkLink, type AnchorCheck, type LinkTable } from './links.ts';

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderEnv {
  [key: string | symbol]: unknown;
  /** The page's source (lessons/01-models.md) and output (lessons/01-models.html). */
  source: string;
  output: string;
  /** Lines before the Markdown that is parsed (front matter), so lines name the file's own lines. */
  lineOffset: number;
  problems: string[];
  headings: Heading[];
  links: LinkTable;
  anchorChecks: AnchorCheck[];
  /** Rendered panels of runnable blocks, by the file line of their opening fence. */
  runs: Map<number, string>;
  /** The dialect matrix, for a ```dialect-matrix block. */
  matrixHtml?: string;
}

export const CONTAINERS = ['note', 'warning', 'tip', 'details'] as const;
const CONTAINER_TITLES: Record<string, string> = { note: 'Note', warning: 'Warning', tip: 'Tip', details: 'Details' };

/** Line in the source file of a token's first line. */
export function fileLine(env: RenderEnv, token: Token): number {
  return env.lineOffset + (token.map?.[0] ?? 0) + 1;
}

export function createMarkdown(options: { html: boolean }): MarkdownItInstance {
  const md = new MarkdownIt({ html: options.html, linkify: false, typographer: false });
  const alt = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.before('fence', 'container', containerRule, alt);
  md.block.ruler.before('html_block', 'safe_details', detailsRule, alt);
  md.core.ruler.push('heading_ids', headingIds);
  md.core.ruler.push('check_links', checkLinks);
  const rules = md.renderer.rules;

  rules.container_open = (tokens, idx, _opts, env) => {
    const t = tokens[idx]!;
    const title = md.renderInline((t.meta as { title: string }).title || CONTAINER_TITLES[t.info]!, env);
    if (t.info === 'details') return `<details class="details"><summary>${title}</summary>\n`;
    return `<aside class="callout callout-${t.info}"><p class="callout-title">${title}</p>\n`;
  };
  rules.container_close = (tokens, idx) => (tokens[idx]!.info === 'details' ? '</details>\n' : '</aside>\n');
  rules.safe_details = (tokens, idx, _opts, env) => {
    const { kind, open, summary } = tokens[idx]!.meta as { kind: string; open: boolean; summary?: string };
    if (kind === 'close') return '</details>\n';
    const summaryHtml = summary === undefined ? '' : `<summary>${md.renderInline(summary, env)}</summary>`;
    return kind === 'open' ? `<details class="details"${open ? ' open' : ''}>${summaryHtml}\n` : `${summaryHtml}\n`;
  };
  rules.heading_open = (tokens, idx, opts, _env, self) => {
    const id = tokens[idx]!.attrGet('id');
    const anchor = id ? `<a class="anchor" href="#${id}" aria-label="Link to this section">#</a>` : '';
    return self.renderToken(tokens, idx, opts) + anchor;
  };
  rules.fence = (tokens, idx, _opts, rawEnv) => {
    const env = rawEnv as unknown as RenderEnv;
    const token = tokens[idx]!;
    const info = token.info.trim();
    if (info === 'dialect-matrix') {
      if (env.matrixHtml === undefined) env.problems.push(`${env.source}:${fileLine(env, token)}: a dialect-matrix block, but the build made no matrix.`);
      return env.matrixHtml ?? '';
    }
    const line = fileLine(env, token);
    if (env.runs.has(line)) return env.runs.get(line)!;
    const lang = languageOf(info);
    return codeBlock(token.content, lang, info.split(/\s+/)[0] ?? '');
  };
  return md;
}

export function codeBlock(code: string, lang: ReturnType<typeof languageOf>, label: string): string {
  const cls = lang ? ` class="language-${lang}"` : '';
  const tag = label ? `<span class="code-lang">${escapeHtml(label)}</span>` : '';
  return `<div class="code-block">${tag}<pre><code${cls}>${highlight(code.replace(/\n$/, ''), lang)}</code></pre></div>\n`;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

// :::kind [title] ... ::: — nested containers and fenced code inside are respected.
function containerRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const m = /^:::\s*([a-z][\w-]*)\s*(.*)$/.exec(lineText(state, startLine));
  if (!m) return false;
  const env = state.env as unknown as RenderEnv;
  const kind = m[1]!;
  if (!(CONTAINERS as readonly string[]).includes(kind)) {
    if (!silent) env.problems?.push(`${env.source}:${env.lineOffset + startLine + 1}: unknown container ":::${kind}". Use one of: ${CONTAINERS.join(', ')}.`);
    return false;
  }
  if (silent) return true;
  let depth = 1;
  let fence: string | undefined;
  let next = startLine + 1;
  for (; next < endLine; next++) {
    const text = lineText(state, next).trim();
    const fenceMark = /^(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && text === fenceMark) fence = undefined;
      continue;
    }
    if (fenceMark) fence = fenceMark;
    else if (/^:::\s*[a-z]/.test(text)) depth++;
    else if (text === ':::' && --depth === 0) break;
  }
  if (depth > 0) env.problems?.push(`${env.source}:${env.lineOffset + startLine + 1}: ":::${kind}" is never closed by a ":::" line.`);
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = next;
  const open = state.push('container_open', 'div', 1);
  open.info = kind;
  open.meta = { title: m[2]!.trim() };
  open.block = true;
  open.map = [startLine, next];
  state.md.block.tokenize(state, startLine + 1, next);
  const close = state.push('container_close', 'div', -1);
  close.info = kind;
  close.block = true;
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = Math.min(next + 1, endLine);
  return true;
}

// Lines that are exactly <details>, <details open>, <summary>…</summary> (or both on one line)
// or </details> pass even with raw HTML off: interview answers are written that way.
function detailsRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const text = lineText(state, startLine).trim();
  let meta: { kind: string; open: boolean; summary?: string } | undefined;
  const open = /^<details(\s+open)?>\s*(?:<summary>(.*?)<\/summary>)?$/i.exec(text);
  if (open) meta = { kind: 'open', open: Boolean(open[1]), ...(open[2] === undefined ? {} : { summary: open[2] }) };
  const summary = /^<summary>(.*?)<\/summary>$/i.exec(text);
  if (summary) meta = { kind: 'summary', open: false, summary: summary[1]! };
  if (/^<\/details>$/i.test(text)) meta = { kind: 'close', open: false };
  if (!meta) return false;
  if (silent) return true;
  const token = state.push('safe_details', '', 0);
  token.meta = meta;
  token.block = true;
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

function headingIds(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  if (!env.headings) return; // renderInline of a title: no headings there
  const used = new Set(env.headings.map((h) => h.id));
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[i + 1]!;
    const text = (inline.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');
    let id = slugify(text);
    for (let n = 2; used.has(id); n++) id = `${slugify(text)}-${n}`;
    used.add(id);
    token.attrSet('id', id);
    env.headings.push({ level: Number(token.tag.slice(1)), id, text });
  });
}

function checkLinks(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  if (!env.links) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const where = `${env.source}:${fileLine(env, block)}`;
    for (const [i, token] of block.children.entries()) {
      if (token.type !== 'link_open') continue;
      const result = checkLink(String(token.attrGet('href') ?? ''), env, where);
      if (result.kind === 'broken') env.problems.push(result.message);
      else if (result.kind === 'page') token.attrSet('href', result.href);
      else if (result.kind === 'source') {
        // A file of the repository (engine/query/compiler.ts) is not a page: name it, unlinked.
        token.tag = 'span';
        token.attrs = [['class', 'source-path'], ['title', result.path]];
        const close = block.children.slice(i).find((t) => t.type === 'link_close');
        if (close) close.tag = 'span';
      }
    }
  }
}
