// What the site is made of: lessons (lessons/*.md) and exercises
// (exercises/<topic>/<NN-name>/README.md), read from disk with their titles, front matter
// and, for exercises, the task split from the hints.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FrontMatter {
  title?: string;
  /** `html: true` lets this page use raw HTML (off by default). */
  html?: boolean;
}

export interface Page {
  kind: 'lesson' | 'exercise';
  /** Path of the source from the repository root, with forward slashes: lessons/01-models.md. */
  source: string;
  /** Path of the page in the output folder: lessons/01-models.html. */
  output: string;
  title: string;
  front: FrontMatter;
  /** The Markdown after the front matter, and how many lines the front matter took. */
  body: string;
  bodyLine: number;
}

export interface Lesson extends Page {
  kind: 'lesson';
  /** 1 for 01-models.md; undefined for pages outside the numbered path (README.md). */
  order: number | undefined;
}

export interface Hint {
  title: string;
  markdown: string;
  /** Line of the hint's first line in the README (1-based). */
  line: number;
}

export interface Exercise extends Page {
  kind: 'exercise';
  /** transactions/01-atomic-transfer */
  id: string;
  topic: string;
  /** The README without its Hints section. */
  task: string;
  hints: Hint[];
}

export class ContentError extends Error {}

export function readLessons(root: string): Lesson[] {
  const dir = path.join(root, 'lessons');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const source = `lessons/${name}`;
      const { front, body, bodyLine } = splitFrontMatter(readFileSync(path.join(dir, name), 'utf8'), source);
      const order = /^(\d+)-/.exec(name)?.[1];
      return {
        kind: 'lesson' as const,
        source,
        output: `lessons/${name.replace(/\.md$/, '.html')}`,
        title: front.title ?? firstHeading(body) ?? name.replace(/\.md$/, ''),
        front,
        body,
        bodyLine,
        order: order === undefined ? undefined : Number(order),
      };
    });
}

export function readExercises(root: string): Exercise[] {
  const dir = path.join(root, 'exercises');
  if (!existsSync(dir)) return [];
  const exercises: Exercise[] = [];
  for (const topic of readdirSync(dir).sort()) {
    if (topic.startsWith('_') || topic.startsWith('.') || !statSync(path.join(dir, topic)).isDirectory()) continue;
    for (const name of readdirSync(path.join(dir, topic)).sort()) {
      const readme = path.join(dir, topic, name, 'README.md');
      if (!existsSync(readme)) continue;
      const source = `exercises/${topic}/${name}/README.md`;
      const { front, body, bodyLine } = splitFrontMatter(readFileSync(readme, 'utf8'), source);
      const { task, hints } = splitHints(body, bodyLine);
      exercises.push({
        kind: 'exercise',
        source,
        output: `exercises/${topic}/${name}.html`,
        title: front.title ?? firstHeading(body) ?? name,
        front,
        body,
        bodyLine,
        id: `${topic}/${name}`,
        topic,
        task,
        hints,
      });
    }
  }
  return exercises;
}

/** `---` front matter with `key: value` lines (title, html). */
export function splitFrontMatter(text: string, source: string): { front: FrontMatter; body: string; bodyLine: number } {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { front: {}, body: text, bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new ContentError(`${source}:1: the front matter opened with --- is never closed by a --- line.`);
  const front: FrontMatter = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) throw new ContentError(`${source}:${i + 1}: front matter lines look like "key: value"; found "${line}".`);
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'title') front.title = value.replace(/^["']|["']$/g, '');
    else if (key === 'html') {
      if (value !== 'true' && value !== 'false') throw new ContentError(`${source}:${i + 1}: html must be true or false, not "${value}".`);
      front.html = value === 'true';
    } else throw new ContentError(`${source}:${i + 1}: unknown front matter key "${key}". Known keys: title, html.`);
  }
  return { front, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

function firstHeading(markdown: string): string | undefined {
  const m = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown);
  return m?.[1];
}

/**
 * An exercise README's "## Hints" section (up to the next "## " heading) becomes hints: one per
 * "### " sub-heading, else one per top-level list item, else the whole section is one hint.
 * The task is everything else, with blank lines where the hints were so line numbers hold.
 */
export function splitHints(body: string, bodyLine: number): { task: string; hints: Hint[] } {
  const lines = body.split('\n');
  let inFence = false;
  let start = -1;
  let end = lines.length;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    if (start < 0 && /^##\s+Hints?\s*$/i.test(line)) start = i;
    else if (start >= 0 && end === lines.length && i > start && /^##\s/.test(line)) end = i;
  });
  if (start < 0) return { task: body, hints: [] };
  const section = lines.slice(start + 1, end);
  const firstLine = bodyLine + start + 1;
  const task = [...lines.slice(0, start), ...section.map(() => ''), '', ...lines.slice(end)].join('\n');
  return { task, hints: hintsOf(section, firstLine) };
}

function hintsOf(section: string[], firstLine: number): Hint[] {
  const starts: Array<{ index: number; title?: string; strip: number }> = [];
  const byHeading = section.some((l) => /^###\s/.test(l));
  section.forEach((line, i) => {
    if (byHeading && /^###\s+/.test(line)) starts.push({ index: i, title: line.replace(/^###\s+/, '').trim(), strip: 1 });
    if (!byHeading && /^([-*+]|\d+[.)])\s+/.test(line)) starts.push({ index: i, strip: 0 });
  });
  if (starts.length === 0) {
    const text = section.join('\n').trim();
    return text ? [{ title: 'Hint', markdown: text, line: firstLine }] : [];
  }
  return starts.map((s, n) => {
    const until = starts[n + 1]?.index ?? section.length;
    let chunk = section.slice(s.index + s.strip, until);
    if (!byHeading) chunk = [chunk[0]!.replace(/^([-*+]|\d+[.)])\s+/, ''), ...chunk.slice(1).map((l) => l.replace(/^ {1,4}/, ''))];
    return { title: s.title ?? `Hint ${n + 1}`, markdown: chunk.join('\n').trim(), line: firstLine + s.index + s.strip };
  });
}
