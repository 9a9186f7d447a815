// The dialect lab: small named measurements of how a database behaves where SQLite,
// PostgreSQL and MySQL/MariaDB are known to differ. Each probe makes its own table (named
// probe_<name>), measures, drops it, and returns plain JSON. The engine never branches on
// these results: it asks db.features; the tests check that the two agree.
import type { Database } from '../db/database.ts';
import type { Features } from '../db/features.ts';

export type ProbeValue = string | number | boolean | null | ProbeValue[] | { [key: string]: ProbeValue };

export interface Probe {
  /** A stable id: 'like-case'. */
  name: string;
  /** What is measured, as a learner would ask it. */
  question: string;
  /** The statement(s) at the heart of the measurement, for display. */
  sql: string;
  run(db: Database): Promise<ProbeValue>;
  /** The result the dialect's features predict, where a feature answers the same question. */
  expectedFromFeatures?(features: Features): ProbeValue;
}

/** Run `fn` with a fresh table, dropping it afterwards whatever happens. */
async function withTable<T>(db: Database, name: string, columns: string, fn: (table: string) => Promise<T>): Promise<T> {
  const table = db.quoteName(`probe_${name}`);
  await db.execute(`DROP TABLE IF EXISTS ${table}`);
  await db.execute(`CREATE TABLE ${table} (${columns})`);
  try {
    return await fn(table);
  } finally {
    await db.execute(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Does `WHERE s <op> ?` match the stored value? */
function matchProbe(name: string, question: string, stored: string, op: 'LIKE' | '=', pattern: string): Omit<Probe, 'expectedFromFeatures'> {
  return {
    name,
    question,
    sql: `SELECT COUNT(*) FROM t WHERE s ${op} '${pattern}'  -- t holds '${stored}'`,
    run: (db) =>
      withTable(db, name.replace(/-/g, '_'), 's VARCHAR(20)', async (t) => {
        await db.execute(`INSERT INTO ${t} (s) VALUES (?)`, [stored]);
        const rows = await db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${t} WHERE s ${op} ?`, [pattern]);
        return Number(rows[0]!.n) === 1;
      }),
  };
}

function errorName(err: unknown): string {
  return (err as Error)?.name ?? 'Error';
}

export const probes: readonly Probe[] = [
  {
    ...matchProbe('like-case', "Does 'Ann' LIKE 'ann' match?", 'Ann', 'LIKE', 'ann'),
    expectedFromFeatures: (f) => f.hasCaseInsensitiveLike,
  },
  // No feature flag: SQLite folds ASCII letters only, MySQL's *_ci collations fold accents too.
  matchProbe('like-non-ascii', "Does 'É' LIKE 'é' match?", 'É', 'LIKE', 'é'),
  {
    ...matchProbe('equals-case', "Does 'Ann' = 'ann' match?", 'Ann', '=', 'ann'),
    expectedFromFeatures: (f) => f.hasCaseInsensitiveEquality,
  },
  {
    name: 'null-order-asc',
    question: 'Where does NULL sort in ORDER BY ... ASC?',
    sql: 'SELECT v FROM t ORDER BY v ASC  -- t holds 2, NULL, 1',
    run: (db) =>
      withTable(db, 'null_order', 'v INTEGER', async (t) => {
        for (const v of [2, null, 1]) await db.execute(`INSERT INTO ${t} (v) VALUES (?)`, [v]);
        const rows = await db.query<{ v: unknown }>(`SELECT v FROM ${t} ORDER BY v ASC`);
        return rows[0]!.v === null ? 'first' : rows.at(-1)!.v === null ? 'last' : 'middle';
      }),
    expectedFromFeatures: (f) => f.nullsOrderAsc,
  },
  {
    name: 'integer-division',
    question: 'What does SELECT 7 / 2 return (as the driver hands it back)?',
    sql: 'SELECT 7 / 2',
    run: async (db) => {
      const rows = await db.query<{ r: unknown }>('SELECT 7 / 2 AS r');
      const value = rows[0]!.r;
      return typeof value === 'bigint' ? value.toString() : (value as ProbeValue);
    },
  },
  {
    name: 'boolean-round-trip',
    question: 'A BOOLEAN column stores true: what comes back?',
    sql: 'CREATE TABLE t (flag BOOLEAN); INSERT true; SELECT flag',
    run: (db) =>
      withTable(db, 'boolean', 'flag BOOLEAN', async (t) => {
        await db.execute(`INSERT INTO ${t} (flag) VALUES (?)`, [true]);
        const rows = await db.query<{ flag: unknown }>(`SELECT flag FROM ${t}`);
        const value = rows[0]!.flag;
        return { value: value as ProbeValue, type: typeof value };
      }),
    expectedFromFeatures: (f) => ({ value: f.hasNativeBoolean ? true : 1, type: f.hasNativeBoolean ? 'boolean' : 'number' }),
  },
  {
    name: 'varchar-overflow',
    question: "Inserting 'abcdefgh' into VARCHAR(5): stored, cut, or refused?",
    sql: "CREATE TABLE t (s VARCHAR(5)); INSERT INTO t VALUES ('abcdefgh')",
    run: (db) =>
      withTable(db, 'varchar', 's VARCHAR(5)', async (t): Promise<ProbeValue> => {
        try {
          await db.execute(`INSERT INTO ${t} (s) VALUES (?)`, ['abcdefgh']);
        } catch (err) {
          return { outcome: 'refused', error: errorName(err) };
        }
        const rows = await db.query<{ s: string }>(`SELECT s FROM ${t}`);
        return { outcome: rows[0]!.s === 'abcdefgh' ? 'stored' : 'cut', value: rows[0]!.s };
      }),
    // The error class differs per dialect; the feature only says whether it is refused.
  },
  {
    name: 'ddl-rollback',
    question: 'CREATE TABLE inside a transaction, then ROLLBACK: is the table gone?',
    sql: 'BEGIN; CREATE TABLE t (id INTEGER); ROLLBACK',
    run: async (db) => {
      const name = 'probe_ddl_rollback';
      await db.execute(`DROP TABLE IF EXISTS ${db.quoteName(name)}`);
      await db
        .atomic(async () => {
          await db.execute(`CREATE TABLE ${db.quoteName(name)} (id INTEGER)`);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      const tables = await db.query<{ name?: string; NAME?: string }>(db.dialect.admin.listTablesSql);
      const survived = tables.some((row) => String(row.name ?? row.NAME) === name);
      await db.execute(`DROP TABLE IF EXISTS ${db.quoteName(name)}`);
      return !survived;
    },
    expectedFromFeatures: (f) => f.canRollbackDdl,
  },
  {
    name: 'insert-returning',
    question: 'Is INSERT ... RETURNING understood?',
    sql: 'INSERT INTO t (id, s) VALUES (1, ?) RETURNING id, s',
    run: (db) =>
      withTable(db, 'returning', 'id INTEGER PRIMARY KEY, s VARCHAR(10)', async (t) => {
        try {
          const result = await db.execute(`INSERT INTO ${t} (id, s) VALUES (?, ?) RETURNING id, s`, [1, 'x']);
          return result.rows.length === 1;
        } catch {
          return false;
        }
      }),
    expectedFromFeatures: (f) => f.canReturnColumnsFromInsert,
  },
  {
    name: 'unique-case',
    question: "UNIQUE column holding 'A@x.com': is 'a@x.com' accepted?",
    sql: "CREATE TABLE t (email VARCHAR(100) UNIQUE); INSERT 'A@x.com'; INSERT 'a@x.com'",
    run: (db) =>
      withTable(db, 'unique', 'email VARCHAR(100) UNIQUE', async (t): Promise<ProbeValue> => {
        await db.execute(`INSERT INTO ${t} (email) VALUES (?)`, ['A@x.com']);
        try {
          await db.execute(`INSERT INTO ${t} (email) VALUES (?)`, ['a@x.com']);
          return { accepted: true };
        } catch (err) {
          return { accepted: false, error: errorName(err) };
        }
      }),
    // Uniqueness compares with the column's collation, the same one `=` uses.
    expectedFromFeatures: (f): ProbeValue =>
      f.hasCaseInsensitiveEquality ? { accepted: false, error: 'IntegrityError' } : { accepted: true },
  },
  {
    name: 'concat-operator',
    question: "What does 'a' || 'b' return?",
    sql: "SELECT 'a' || 'b'",
    run: async (db) => {
      try {
        const rows = await db.query<{ r: unknown }>("SELECT 'a' || 'b' AS r");
        const value = rows[0]!.r;
        return typeof value === 'bigint' ? value.toString() : (value as ProbeValue);
      } catch (err) {
        return { error: errorName(err) };
      }
    },
  },
  {
    name: 'empty-string',
    question: "An empty string '' is stored: does it come back as '' or NULL?",
    sql: "INSERT INTO t (s) VALUES (''); SELECT s, s IS NULL FROM t",
    run: (db) =>
      withTable(db, 'empty', 's VARCHAR(10)', async (t) => {
        await db.execute(`INSERT INTO ${t} (s) VALUES (?)`, ['']);
        const rows = await db.query<{ s: unknown }>(`SELECT s FROM ${t}`);
        const value = rows[0]!.s;
        return value === null ? 'NULL' : value === '' ? 'empty string' : String(value);
      }),
  },
];

export interface ProbeResult {
  name: string;
  /** Present when the probe ran. */
  value?: ProbeValue;
  /** Present when the probe itself failed (a bug in the probe or a lost server). */
  error?: string;
}

export interface ProbeRun {
  dialect: string;
  /** 'PostgreSQL 15.20', 'MariaDB 10.11.19', 'SQLite 3.46.1'. */
  vendor: string;
  results: ProbeResult[];
}

/** Run every probe, one after another, on `db`. A failing probe records its error and the rest go on. */
export async function runProbes(db: Database, selected: readonly Probe[] = probes): Promise<ProbeRun> {
  const results: ProbeResult[] = [];
  for (const probe of selected) {
    try {
      results.push({ name: probe.name, value: await probe.run(db) });
    } catch (err) {
      results.push({ name: probe.name, error: `${errorName(err)}: ${(err as Error)?.message ?? err}` });
    }
  }
  return { dialect: db.dialect.name, vendor: db.vendor, results };
}
