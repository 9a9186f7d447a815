// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { syncPrices, type PriceRow } from './exercise.ts';
import { Product } from './models.ts';

interface Case { catalogue: PriceRow[]; list: PriceRow[] }

const price = (cents: number) => (cents / 100).toFixed(2);

const sets = dataSets<Case>(
  {
    catalogue: [{ sku: 'A1', name: 'apple', price: '1.00' }, { sku: 'B2', name: 'bread', price: '2.50' }],
    list: [{ sku: 'B2', name: 'bread', price: '2.75' }, { sku: 'C3', name: 'cheese', price: '7.10' }],
  },
  (random) => {
    const catalogue = Array.from({ length: 300 }, (_, i) => ({ sku: `S${i}-${random.word(3)}`, name: random.word(6), price: price(random.int(100, 9999)) }));
    const list = [
      ...catalogue.filter(() => random.next() < 0.5).map((p) => ({ ...p, price: price(random.int(100, 9999)) })),
      ...Array.from({ length: 120 }, (_, i) => ({ sku: `N${i}-${random.word(3)}`, name: random.word(6), price: price(random.int(100, 9999)) })),
    ];
    return { catalogue, list };
  },
);

gradeOnDialects('performance/02-bulk-sync', (t) => {
  t.setup((db) => createTables(db, [Product]));

  for (const { label, data } of sets) {
    t.test(`updates and creates within 3 statements (${label}, ${data.list.length} rows)`, async (db) => {
      for (const p of data.catalogue) await Product.objects.create(p);
      const known = new Set(data.catalogue.map((p) => p.sku));
      const { result, sql } = await statementsOf(db, () => syncPrices(data.list));
      const want = new Map(data.catalogue.map((p) => [p.sku, p]));
      for (const row of data.list) want.set(row.sku, row);
      expect(result, 'the returned counts').toEqual({ created: data.list.filter((r) => !known.has(r.sku)).length, updated: data.list.filter((r) => known.has(r.sku)).length });
      const rows = (await Product.objects.values('sku', 'name', 'price')).map((r) => `${r.sku}|${r.name}|${Number(r.price).toFixed(2)}`).sort();
      expect(rows, 'products afterwards (sku|name|price)').toEqual([...want.values()].map((p) => `${p.sku}|${p.name}|${p.price}`).sort());
      expect(sql.length, 'statements run (budget: 3)').toBeLessThanOrEqual(3);
    }, 30_000);
  }
});
