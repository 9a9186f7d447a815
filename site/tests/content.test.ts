// Reading sources: front matter, and an exercise README's hints split from its task.
import { describe, expect, test } from 'vitest';
import { ContentError, splitFrontMatter, splitHints } from '../lib/content.ts';
import { highlight } from '../lib/highlight.ts';
import { outcomesDiffer } from '../lib/panels.ts';
import { parseRunInfo } from '../lib/runnable.ts';

const README = `# Transfer

## Task

Move the money.

## Hints

### Hint 1
Use \`db.atomic()\`.

### Hint 2
Read the balance back.

## Grading contract

Order does not matter.
`;

test('hints under "### " headings: one hint each, titled; the task keeps the rest, lines intact', () => {
  const { task, hints } = splitHints(README, 1);
  expect(hints).toEqual([
    { title: 'Hint 1', markdown: 'Use `db.atomic()`.', line: 10 },
    { title: 'Hint 2', markdown: 'Read the balance back.', line: 13 },
  ]);
  expect(task).toContain('Move the money.');
  expect(task).toContain('## Grading contract');
  expect(task).not.toContain('Hint');
  expect(task.split('\n').indexOf('## Grading contract')).toBe(README.split('\n').indexOf('## Grading contract'));
});

test('hints as a list: one per top-level item, continuation lines included; no section, no hints', () => {
  const { hints } = splitHints('# X\n\n## Hints\n\n- first\n- second\n  continued\n', 1);
  expect(hints.map((h) => [h.title, h.markdown])).toEqual([['Hint 1', 'first'], ['Hint 2', 'second\ncontinued']]);
  expect(splitHints('# X\n\nNo hints here.\n', 1).hints).toEqual([]);
  expect(splitHints('# X\n\n```md\n## Hints\n- in a fence\n```\n', 1).hints).toEqual([]);
});

test('front matter: title and html; anything else is an error naming the file and line', () => {
  expect(splitFrontMatter('---\ntitle: "Joins"\nhtml: true\n---\n# J\n', 'lessons/x.md')).toEqual({
    front: { title: 'Joins', html: true },
    body: '# J\n',
    bodyLine: 5,
  });
  expect(() => splitFrontMatter('---\nlayout: wide\n---\n', 'lessons/x.md')).toThrow(
    new ContentError('lessons/x.md:2: unknown front matter key "layout". Known keys: title, html.'),
  );
  expect(() => splitFrontMatter('---\ntitle: x\n', 'lessons/x.md')).toThrow(/lessons\/x.md:1: the front matter opened with --- is never closed/);
});

test('the highlighter escapes HTML and marks keywords, strings and comments', () => {
  expect(highlight("const a = '<b>'; // x", 'ts')).toBe(
    '<span class="hl-keyword">const</span> a = <span class="hl-string">&#39;&lt;b&gt;&#39;</span>; <span class="hl-comment">// x</span>',
  );
  expect(highlight("select 'it''s' -- c", 'sql')).toBe('<span class="hl-keyword">select</span> <span class="hl-string">&#39;it&#39;&#39;s&#39;</span> <span class="hl-comment">-- c</span>');
  expect(highlight('<x>', undefined)).toBe('&lt;x&gt;');
});

test('runnable info strings: ts run with hidden and may-fail flags; other fences are not runnable', () => {
  expect(parseRunInfo('ts run', 'f:1')).toEqual({ hidden: false, mayFail: false });
  expect(parseRunInfo('ts run hidden may-fail', 'f:1')).toEqual({ hidden: true, mayFail: true });
  expect(parseRunInfo('ts', 'f:1')).toBeUndefined();
  expect(parseRunInfo('sql run', 'f:1')).toBeUndefined();
  expect(() => parseRunInfo('ts run later', 'lessons/a.md:7')).toThrow('lessons/a.md:7: unknown flag "later"');
});

describe('the "dialects disagree" flag', () => {
  const outcome = (...shown: string[]) => ({ queries: [], shown });
  test('identifier quoting alone is not a disagreement', () => {
    expect(outcomesDiffer([outcome('SELECT "book"."id" FROM "book"'), outcome('SELECT `book`.`id` FROM `book`')])).toBe(false);
  });
  test('different SQL or different values are', () => {
    expect(outcomesDiffer([outcome('ORDER BY "score" DESC NULLS LAST'), outcome('ORDER BY `score` IS NULL, `score` DESC')])).toBe(true);
    expect(outcomesDiffer([outcome('3'), outcome('3.5000')])).toBe(true);
  });
});

test('SQL shown inside JSON is compared the same way; a string is still not a number', () => {
  const outcome = (...shown: string[]) => ({ queries: [], shown });
  expect(outcomesDiffer([outcome(JSON.stringify(['SELECT "a" FROM "t"'])), outcome(JSON.stringify(['SELECT `a` FROM `t`']))])).toBe(false);
  expect(outcomesDiffer([outcome(JSON.stringify({ n: '3' })), outcome(JSON.stringify({ n: 3 }))])).toBe(true);
});
