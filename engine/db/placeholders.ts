// The engine writes every statement with `?` placeholders. This scanner finds the real
// ones — not a `?` inside a string, a quoted name or a comment — so PostgreSQL's adapter
// can number them ($1, $2...) and every dialect can check the count before sending.

export interface ScanOptions {
  /** MySQL treats `\'` inside a string as an escaped quote; SQLite and PostgreSQL do not. */
  backslashEscapes?: boolean;
}

/** Offsets of the `?` placeholders in `sql`. */
export function findPlaceholders(sql: string, options: ScanOptions = {}): number[] {
  const found: number[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(sql, i, ch, options.backslashEscapes === true && ch !== '`');
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === '$' && /[A-Za-z_$]/.test(sql[i + 1] ?? '') && isDollarQuote(sql, i)) {
      i = skipDollarQuoted(sql, i);
    } else {
      if (ch === '?') found.push(i);
      i++;
    }
  }
  return found;
}

/** Rewrite `?` placeholders as `$1, $2, ...` (PostgreSQL's numbered parameters). */
export function numberPlaceholders(sql: string): string {
  const offsets = findPlaceholders(sql);
  if (offsets.length === 0) return sql;
  let out = '';
  let last = 0;
  offsets.forEach((offset, index) => {
    out += sql.slice(last, offset) + '$' + (index + 1);
    last = offset + 1;
  });
  return out + sql.slice(last);
}

function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2; // a doubled quote stands for one
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

// PostgreSQL's $tag$ ... $tag$ strings (function bodies, DO blocks).
function isDollarQuote(sql: string, start: number): boolean {
  return /^\$[A-Za-z_]*\$/.test(sql.slice(start, start + 64));
}

function skipDollarQuoted(sql: string, start: number): number {
  const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(start, start + 64))![0];
  const end = sql.indexOf(tag, start + tag.length);
  return end === -1 ? sql.length : end + tag.length;
}
