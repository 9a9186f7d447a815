// A small syntax highlighter for the two languages the lessons show: TypeScript and SQL.
// One regular expression per language finds comments, strings, numbers and words; words
// that are keywords get a class. Everything is HTML-escaped; unknown languages are plain.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TS_KEYWORDS = new Set(
  ('abstract as async await break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for from function get if implements import in instanceof interface let new null of ' +
    'private protected public readonly return satisfies set static super switch this throw true try type typeof ' +
    'undefined var void while yield').split(' '),
);
const TS_TYPES = new Set('any bigint boolean never number object string symbol unknown Promise Record'.split(' '));

const SQL_KEYWORDS = new Set(
  ('add all alter and as asc autoincrement begin between by cascade case check collate column commit constraint ' +
    'create cross current_timestamp default delete desc distinct drop else end escape except exists false first ' +
    'for foreign from full group having if ilike in index inner insert intersect into is join key last left like ' +
    'limit not null nulls offset on or order outer primary references release returning right rollback savepoint ' +
    'select set table then to transaction true union unique update using values when where with boolean integer ' +
    'int bigint varchar text serial real double decimal numeric timestamp date count sum avg min max coalesce cast').split(' '),
);

type Lang = 'ts' | 'sql';

const PATTERNS: Record<Lang, RegExp> = {
  ts: /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\b(\d[\d_]*(?:\.\d+)?n?)\b|([A-Za-z_$][\w$]*)/g,
  sql: /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:''|[^'])*'|"(?:""|[^"])*"|`[^`]*`)|\b(\d+(?:\.\d+)?)\b|([A-Za-z_][\w$]*)/g,
};

export function languageOf(info: string): Lang | undefined {
  const lang = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (['ts', 'typescript', 'js', 'javascript', 'tsx'].includes(lang)) return 'ts';
  if (['sql', 'sqlite', 'postgres', 'mysql'].includes(lang)) return 'sql';
  return undefined;
}

/** Highlighted HTML for `code` (no surrounding <pre>). */
export function highlight(code: string, lang: Lang | undefined): string {
  if (!lang) return escapeHtml(code);
  const pattern = new RegExp(PATTERNS[lang].source, 'g');
  let out = '';
  let last = 0;
  for (const m of code.matchAll(pattern)) {
    out += escapeHtml(code.slice(last, m.index));
    last = m.index + m[0].length;
    const [text, comment, string, number, word] = m;
    if (comment) out += span('comment', text);
    else if (string) out += span('string', text);
    else if (number) out += span('number', text);
    else if (word) out += wordHtml(lang, word, code, last);
    else out += escapeHtml(text);
  }
  return out + escapeHtml(code.slice(last));
}

function wordHtml(lang: Lang, word: string, code: string, end: number): string {
  if (lang === 'sql') return SQL_KEYWORDS.has(word.toLowerCase()) ? span('keyword', word) : escapeHtml(word);
  if (TS_KEYWORDS.has(word)) return span('keyword', word);
  if (TS_TYPES.has(word) || /^[A-Z]/.test(word)) return span('type', word);
  if (code[end] === '(') return span('function', word);
  return escapeHtml(word);
}

function span(kind: string, text: string): string {
  return `<span class="hl-${kind}">${escapeHtml(text)}</span>`;
}
