// Graders for README.md. They import your ./exercise.ts. Tests commit for real (truncate isolation).
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { autoId, closeSecond, dataSets, gradeOnDialects, secondConnection } from '../../_grading/index.ts';
import { placeOrder, type Order } from './exercise.ts';

const sets = dataSets<Order[]>(
  [
    { reference: 'A-1', item: 'book', quantity: 2 },
    { reference: 'A-2', item: 'pen', quantity: 10 },
  ],
  (random) => Array.from({ length: 3 }, (_, i) => ({ reference: `${random.word(3).toUpperCase()}-${random.int(100, 999)}${i}`, item: random.word(), quantity: random.int(1, 50) })),
);

class Rollback extends Error {}

/** A notify() that records what it saw: was a transaction open, could another connection see the order? */
function recorder(db: Database, observer: Database) {
  const calls: Array<{ reference: string; inTransaction: boolean; visible: Promise<boolean> }> = [];
  const notify = (reference: string) => {
    calls.push({
      reference,
      inTransaction: db.inAtomicBlock,
      visible: observer.query('SELECT 1 AS one FROM purchase WHERE reference = ?', [reference]).then((rows) => rows.length === 1),
    });
  };
  const check = async (expected: string[]) => {
    expect(calls.map((c) => c.reference), 'references notify() was called with').toEqual(expected);
    for (const c of calls) {
      expect(c.inTransaction, `a transaction was still open when notify('${c.reference}') ran`).toBe(false);
      expect(await c.visible, `order ${c.reference} was not visible to another connection when notify() ran`).toBe(true);
    }
  };
  return { notify, check };
}

gradeOnDialects(
  'transactions/03-on-commit',
  (t) => {
    t.setup((db) => db.execute(`CREATE TABLE purchase (${autoId(db)}, reference VARCHAR(40) NOT NULL UNIQUE, item VARCHAR(60) NOT NULL, quantity INTEGER NOT NULL)`));

    for (const { label, data } of sets) {
      t.test(`on its own: notifies after the commit (${label})`, async (db) => {
        const observer = await secondConnection(db);
        try {
          const r = recorder(db, observer);
          for (const order of data) await placeOrder(db, order, r.notify);
          await r.check(data.map((o) => o.reference));
        } finally {
          await closeSecond(db, observer);
        }
      });

      t.test(`inside a caller's block that commits: notifies only after that commit (${label})`, async (db) => {
        const observer = await secondConnection(db);
        try {
          const r = recorder(db, observer);
          await db.atomic(async () => {
            for (const order of data) await placeOrder(db, order, r.notify);
            await r.check([]);
          });
          await r.check(data.map((o) => o.reference));
        } finally {
          await closeSecond(db, observer);
        }
      });

      t.test(`inside a caller's block that rolls back: never notifies (${label})`, async (db) => {
        const observer = await secondConnection(db);
        try {
          const r = recorder(db, observer);
          await expect(
            db.atomic(async () => {
              for (const order of data) await placeOrder(db, order, r.notify);
              throw new Rollback('the caller changes its mind');
            }),
          ).rejects.toBeInstanceOf(Rollback);
          await r.check([]);
        } finally {
          await closeSecond(db, observer);
        }
      });
    }
  },
  { isolation: 'truncate' },
);
