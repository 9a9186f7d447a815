// Functions SQLite parses or Django expects but SQLite does not ship: registered on each
// connection, as Django's SQLite backend does (REGEXP, and the statistics aggregates).
import type BetterSqlite3 from 'better-sqlite3';

export function registerUserFunctions(db: BetterSqlite3.Database): void {
  // SQLite parses `x REGEXP y` as regexp(y, x) but has no implementation.
  db.function('regexp', { deterministic: true }, (pattern, value) => {
    if (pattern === null || value === null) return null;
    const source = String(pattern);
    const ignoreCase = source.startsWith('(?i)');
    return new RegExp(ignoreCase ? source.slice(4) : source, ignoreCase ? 'i' : '').test(String(value)) ? 1 : 0;
  });

  // Population and sample variance and standard deviation, with Welford's running update
  // (stable for large values). NULLs are skipped; too few values give NULL, as elsewhere.
  const statistic = (name: string, sample: boolean, root: boolean) =>
    db.aggregate(name, {
      start: () => ({ n: 0, mean: 0, m2: 0 }),
      step: (acc: { n: number; mean: number; m2: number }, value: unknown) => {
        if (value === null || value === undefined) return;
        const x = Number(value);
        acc.n += 1;
        const delta = x - acc.mean;
        acc.mean += delta / acc.n;
        acc.m2 += delta * (x - acc.mean);
      },
      result: (acc: { n: number; m2: number }) => {
        const denominator = sample ? acc.n - 1 : acc.n;
        if (denominator <= 0) return null;
        const variance = acc.m2 / denominator;
        return root ? Math.sqrt(variance) : variance;
      },
    });
  statistic('VAR_POP', false, false);
  statistic('VAR_SAMP', true, false);
  statistic('STDDEV_POP', false, true);
  statistic('STDDEV_SAMP', true, true);
}
