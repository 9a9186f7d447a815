// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type LoggedQuery } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { exportOrders } from './exercise.ts';
import { Order } from './models.ts';

type Row = { customer: string; totalCents: number };

const sets = dataSets<Row[]>(
  [{ customer: 'Ann', totalCents: 1250 }, { customer: 'Bob', totalCents: 99 }, { customer: 'Cy', totalCents: 100000 }],
  (random) => Array.from({ length: random.int(1250, 1400) }, () => ({ customer: random.word(7), totalCents: random.int(0, 500000) })),
);

/** How many rows the statements so far could have read, per dialect (null: the log cannot tell). */
function rowsReadSoFar(dialect: string, statements: LoggedQuery[]): { rows: number | null; why: string } {
  if (dialect === 'postgres') {
    if (!statements.some((q) => q.sql.startsWith('DECLARE '))) return { rows: Infinity, why: 'no cursor was declared: the SELECT read every row' };
    const fetched = statements.map((q) => /^FETCH FORWARD (\d+)/.exec(q.sql)).reduce((sum, m) => sum + (m ? Number(m[1]) : 0), 0);
    return { rows: fetched, why: `rows fetched from the cursor: ${fetched}` };
  }
  if (dialect === 'sqlite') {
    const selects = statements.filter((q) => q.sql.startsWith('SELECT'));
    const limits = selects.map((q) => /LIMIT (\d+)/.exec(q.sql));
    if (limits.some((m) => !m)) return { rows: Infinity, why: 'a SELECT without LIMIT read every row' };
    const total = limits.reduce((sum, m) => sum + Number(m![1]), 0);
    return { rows: total, why: `rows asked for by LIMIT: ${total}` };
  }
  return { rows: null, why: 'mysql2 streams rows off the socket; the statement log cannot tell' };
}

gradeOnDialects(
  'performance/03-stream-export',
  (t) => {
    t.setup((db) => createTables(db, [Order]));

    for (const { label, data } of sets) {
      t.test(`writes every order in id order, reading at most 500 before the first line (${label}, ${data.length} orders)`, async (db) => {
        const created = await Order.objects.bulkCreate(data.map((r) => new Order(r)));
        const ids = created.length && created[0]!.id != null ? created.map((o) => o.id) : (await Order.objects.orderBy('id').valuesList('id', { flat: true }));
        const lines: string[] = [];
        let beforeFirst: LoggedQuery[] | undefined;
        const { result: count, queries } = await db.log.capture(async () => {
          const startedAt = db.queries.length;
          return exportOrders((line) => {
            beforeFirst ??= db.queries.slice(startedAt);
            lines.push(line);
          });
        });
        expect(lines, 'the lines written, in id order').toEqual(data.map((r, i) => `${ids[i]},${r.customer},${(r.totalCents / 100).toFixed(2)}`));
        expect(count, 'the returned count').toBe(data.length);
        const read = rowsReadSoFar(t.dialect, beforeFirst ?? queries);
        if (read.rows !== null) expect(read.rows, `rows read before the first line was written (${read.why}; at most 500)`).toBeLessThanOrEqual(500);
      }, 30_000);
    }
  },
  // Commits for real: inside a test transaction MySQL's iterator() reads whole (the loop body needs the connection).
  { isolation: 'truncate' },
);
