import { describe, expect, test } from 'vitest';
import { QueryLog } from '../query-log.ts';
import { assertNumQueries, describeDialects, QueryCountError } from '../../testing/index.ts';

describeDialects('the query log', (t) => {
  t.test('records SQL, parameters, duration and kind', async (db) => {
    db.log.reset();
    await db.query('SELECT ? AS n', [41]);
    await db.atomic(() => db.query('SELECT 2 AS n'));
    const [first] = db.queries;
    expect(first).toMatchObject({ sql: 'SELECT ? AS n', params: [41], kind: 'query' });
    expect(first!.durationMs).toBeGreaterThanOrEqual(0);
    expect(db.queries.filter((q) => q.kind === 'transaction').map((q) => q.sql)).toEqual(['SAVEPOINT s1', 'RELEASE SAVEPOINT s1']);
  });

  t.test('a failed statement is logged with its error', async (db) => {
    db.log.reset();
    await db.query('SELECT * FROM missing_table').catch(() => undefined);
    expect(db.queries.at(-1)!.error).toBeTruthy();
  });

  t.test('assertNumQueries passes on the exact count', async (db) => {
    const value = await assertNumQueries(2, async () => {
      await db.query('SELECT 1 AS a');
      return db.query('SELECT 2 AS b');
    });
    expect(value).toHaveLength(1);
  });

  t.test('assertNumQueries fails listing the queries that ran', async (db) => {
    const error = await assertNumQueries(1, async () => {
      await db.query('SELECT 1 AS a');
      await db.query('SELECT ? AS b', ['x']);
    }).catch((e) => e);
    expect(error).toBeInstanceOf(QueryCountError);
    expect(error.message).toContain('Expected 1 query, but 2 ran');
    expect(error.message).toContain('1. SELECT 1 AS a');
    expect(error.message).toContain('2. SELECT ? AS b  -- params: ["x"]');
  });
});

describe('the query log’s bound', () => {
  test('keeps the last 9000 statements, as Django does', () => {
    const log = new QueryLog();
    for (let i = 0; i < 10_500; i++) log.record({ sql: `SELECT ${i}`, params: [], durationMs: 0, kind: 'query' });
    expect(log.queries).toHaveLength(9000);
    expect(log.queries[0]!.sql).toBe('SELECT 1500');
    expect(log.queries.at(-1)!.sql).toBe('SELECT 10499');
  });
});
