import { describe, expect, test } from 'vitest';
import { findPlaceholders, numberPlaceholders } from '../placeholders.ts';
import { parseDatabaseUrl } from '../url.ts';

describe('placeholders', () => {
  test('numbers real placeholders for PostgreSQL', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });
  test('skips strings, quoted names, comments and dollar quotes', () => {
    const sql = `SELECT '?', "col?", \`x?\`, ? -- what?\n/* ? */ $f$ ? $f$, 'it''s ?', ?`;
    expect(findPlaceholders(sql)).toHaveLength(2);
    expect(numberPlaceholders(sql)).toMatch(/, \$1 --.*, \$2$/s);
  });
  test("MySQL's backslash escape does not end a string", () => {
    expect(findPlaceholders(`SELECT 'a\\'?', ?`, { backslashEscapes: true })).toHaveLength(1);
    expect(findPlaceholders(`SELECT 'a\\'?', ?`, { backslashEscapes: false })).toHaveLength(1);
  });
});

describe('database URLs', () => {
  test('parse each dialect and mask the password', () => {
    expect(parseDatabaseUrl('postgres://u:secret@db:6543/app')).toMatchObject({ dialect: 'postgres', host: 'db', port: 6543, user: 'u', password: 'secret', database: 'app' });
    expect(parseDatabaseUrl('postgres://u:secret@db/app').display).not.toContain('secret');
    expect(parseDatabaseUrl('mysql://root@127.0.0.1')).toMatchObject({ dialect: 'mysql', port: 3306, user: 'root' });
    expect(parseDatabaseUrl('sqlite::memory:').filename).toBe(':memory:');
    expect(parseDatabaseUrl('sqlite:///tmp/x.sqlite3').filename).toBe('/tmp/x.sqlite3');
  });
  test('an unknown scheme says which ones work', () => {
    expect(() => parseDatabaseUrl('oracle://x')).toThrow(/sqlite:, postgres:\/\/ or mysql:\/\//);
  });
});
