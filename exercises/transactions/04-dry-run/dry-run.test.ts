// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { dryRun } from './exercise.ts';

interface Stock { sku: string; qty: number }
interface Case { rows: Stock[]; sell: string }

const sets = dataSets<Case>(
  { rows: [{ sku: 'apple', qty: 5 }, { sku: 'pear', qty: 0 }], sell: 'apple' },
  (random) => {
    const rows = Array.from({ length: 4 }, (_, i) => ({ sku: `${random.word(5)}${i}`, qty: random.int(2, 90) }));
    return { rows, sell: random.pick(rows).sku };
  },
);

const SELL = 'UPDATE stock SET qty = qty - 1 WHERE sku = ?';
const READ = 'SELECT qty FROM stock WHERE sku = ?';

class OutOfStock extends Error {}

async function sellOne(db: Database, sku: string): Promise<number> {
  await db.execute(SELL, [sku]);
  const [row] = await db.query<{ qty: number }>(READ, [sku]);
  if (Number(row!.qty) < 0) throw new OutOfStock(`no ${sku} left`);
  return Number(row!.qty);
}

const rowsOf = async (db: Database) =>
  (await db.query<Stock>('SELECT sku, qty FROM stock ORDER BY sku')).map((r) => ({ sku: r.sku, qty: Number(r.qty) }));
const sorted = (rows: Stock[]) => [...rows].sort((a, b) => (a.sku < b.sku ? -1 : 1));

gradeOnDialects('transactions/04-dry-run', (t) => {
  t.setup((db) => db.execute('CREATE TABLE stock (sku VARCHAR(40) PRIMARY KEY, qty INTEGER NOT NULL)'));

  for (const { label, data } of sets) {
    const load = async (db: Database) => {
      for (const r of data.rows) await db.execute('INSERT INTO stock (sku, qty) VALUES (?, ?)', [r.sku, r.qty]);
    };
    const before = data.rows.find((r) => r.sku === data.sell)!.qty;

    t.test(`returns the result and the SQL, and keeps no change (${label})`, async (db) => {
      await load(db);
      const outcome = await dryRun(db, () => sellOne(db, data.sell));
      expect(outcome, 'what dryRun returned').toEqual({ result: before - 1, sql: [SELL, READ] });
      expect(await rowsOf(db), 'stock after the dry run').toEqual(sorted(data.rows));
    });

    t.test(`rethrows work's error and keeps no change (${label})`, async (db) => {
      await load(db);
      await db.execute('UPDATE stock SET qty = 0 WHERE sku = ?', [data.sell]);
      await expect(dryRun(db, () => sellOne(db, data.sell)), 'selling from an empty shelf').rejects.toBeInstanceOf(OutOfStock);
      expect((await rowsOf(db)).find((r) => r.sku === data.sell)?.qty, 'quantity after the failed dry run').toBe(0);
    });

    t.test(`inside a caller's block, undoes only its own work (${label})`, async (db) => {
      await load(db);
      await db.atomic(async () => {
        await db.execute('INSERT INTO stock (sku, qty) VALUES (?, ?)', ['caller-row', 1]);
        await dryRun(db, () => sellOne(db, data.sell));
        await db.execute('UPDATE stock SET qty = qty + 1 WHERE sku = ?', ['caller-row']);
      });
      expect(await rowsOf(db), 'stock after the caller’s block').toEqual(sorted([...data.rows, { sku: 'caller-row', qty: 2 }]));
    });
  }
});
