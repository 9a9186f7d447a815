import { expect } from 'vitest';
import { describeDialects } from '../../testing/index.ts';
import { probes, runProbes, type ProbeValue } from '../probes.ts';

// What each database really does, measured. MySQL and MariaDB share a dialect; where they
// differ (RETURNING), the server's name decides.
function measured(dialect: string, serverName: string): Record<string, ProbeValue> {
  if (dialect === 'sqlite') {
    return {
      'like-case': true,
      'like-non-ascii': false, // SQLite folds ASCII letters only
      'equals-case': false,
      'null-order-asc': 'first',
      'integer-division': 3,
      'boolean-round-trip': { value: 1, type: 'number' },
      'varchar-overflow': { outcome: 'stored', value: 'abcdefgh' },
      'ddl-rollback': true,
      'insert-returning': true,
      'unique-case': { accepted: true },
      'concat-operator': 'ab',
      'empty-string': 'empty string',
    };
  }
  if (dialect === 'postgres') {
    return {
      'like-case': false,
      'like-non-ascii': false,
      'equals-case': false,
      'null-order-asc': 'last',
      'integer-division': 3,
      'boolean-round-trip': { value: true, type: 'boolean' },
      'varchar-overflow': { outcome: 'refused', error: 'DataError' },
      'ddl-rollback': true,
      'insert-returning': true,
      'unique-case': { accepted: true },
      'concat-operator': 'ab',
      'empty-string': 'empty string',
    };
  }
  return {
    'like-case': true,
    'like-non-ascii': true, // utf8mb4_*_ci folds accents as well as case
    'equals-case': true,
    'null-order-asc': 'first',
    'integer-division': '3.5000', // DECIMAL, which mysql2 hands back as a string
    'boolean-round-trip': { value: 1, type: 'number' },
    'varchar-overflow': { outcome: 'refused', error: 'DataError' }, // strict sql_mode is the default
    'ddl-rollback': false,
    'insert-returning': serverName === 'MariaDB',
    'unique-case': { accepted: false, error: 'IntegrityError' },
    'concat-operator': 0, // || is logical OR unless sql_mode has PIPES_AS_CONCAT
    'empty-string': 'empty string',
  };
}

describeDialects(
  'dialect probes',
  (t) => {
    t.test('every probe measures what this database really does', async (db) => {
      const run = await runProbes(db);
      expect(run.vendor).toBe(db.vendor);
      const values = Object.fromEntries(run.results.map((r) => [r.name, r.error ?? r.value]));
      expect(values).toEqual(measured(db.dialect.name, db.server.serverName));
    });

    t.test('each probe with a feature flag agrees with db.features', async (db) => {
      const withFlags = probes.filter((p) => p.expectedFromFeatures);
      expect(withFlags.map((p) => p.name)).toEqual([
        'like-case',
        'equals-case',
        'null-order-asc',
        'boolean-round-trip',
        'ddl-rollback',
        'insert-returning',
        'unique-case',
      ]);
      const run = await runProbes(db, withFlags);
      for (const probe of withFlags) {
        const result = run.results.find((r) => r.name === probe.name)!;
        expect({ probe: probe.name, value: result.value }).toEqual({ probe: probe.name, value: probe.expectedFromFeatures!(db.features) });
      }
    });

    t.test('varchar-overflow agrees with features.enforcesVarcharLength', async (db) => {
      const run = await runProbes(db, probes.filter((p) => p.name === 'varchar-overflow'));
      const outcome = (run.results[0]!.value as { outcome: string }).outcome;
      expect(outcome === 'refused').toBe(db.features.enforcesVarcharLength);
    });

    t.test('probes leave no tables behind', async (db) => {
      await runProbes(db);
      const tables = await db.query<{ name?: string; NAME?: string }>(db.dialect.admin.listTablesSql);
      expect(tables.map((row) => String(row.name ?? row.NAME)).filter((n) => n.startsWith('probe_'))).toEqual([]);
    });

    t.test('a probe that breaks is recorded with its error and the others still run', async (db) => {
      const broken = { name: 'broken', question: '?', sql: 'SELECT', run: () => db.query('SELECT * FROM no_such_table') as never };
      const run = await runProbes(db, [broken, probes[0]!]);
      expect(run.results[0]).toMatchObject({ name: 'broken', error: expect.stringMatching(/^ProgrammingError: /) });
      expect(run.results[1]!.value).toBeTypeOf('boolean');
    });
  },
  // Probes run their own transactions (and MySQL's DDL commits), so no test transaction wraps them.
  { isolation: 'none' },
);
