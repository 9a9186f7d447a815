import { expect } from 'vitest';
import { describeDialects } from '../../testing/index.ts';

// The statistics aggregates Django's StdDev and Variance compile to. SQLite lacks them, so
// its driver registers them; the numbers must agree with the servers' own.
describeDialects('statistics aggregates', (t) => {
  t.setup(async (db) => {
    await db.execute('CREATE TABLE sample (x INTEGER)');
  });
  t.teardown(async (db) => void (await db.execute('DROP TABLE sample')));

  t.test('population and sample variance and standard deviation agree on every database', async (db) => {
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9, null]) await db.execute('INSERT INTO sample (x) VALUES (?)', [x]);
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT VAR_POP(x) AS vp, VAR_SAMP(x) AS vs, STDDEV_POP(x) AS sp, STDDEV_SAMP(x) AS ss FROM sample',
    );
    const numbers = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(Number(v).toFixed(4))]));
    expect(numbers).toEqual({ vp: 4, vs: 4.5714, sp: 2, ss: 2.1381 });
    // MariaDB sends the result with 4 decimals (its div_precision_increment), so 32/7 arrives cut.
    if (db.dialect.name === 'mysql') expect(row!.vs).toBe(4.5714);
    else expect(Number(row!.vs)).toBeCloseTo(32 / 7, 12);
  });

  t.test('one value has no sample variance; no values have none at all', async (db) => {
    await db.execute('INSERT INTO sample (x) VALUES (?)', [3]);
    const [one] = await db.query<Record<string, unknown>>('SELECT VAR_POP(x) AS vp, VAR_SAMP(x) AS vs FROM sample');
    expect(Number(one!.vp)).toBe(0);
    expect(one!.vs).toBeNull();
    const [none] = await db.query<Record<string, unknown>>('SELECT STDDEV_POP(x) AS sp FROM sample WHERE x > 100');
    expect(none!.sp).toBeNull();
  });
});
