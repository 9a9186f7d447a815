// Reference solution: exercises/performance/02-bulk-sync
import { Product } from '../../../exercises/performance/02-bulk-sync/models.ts';

export interface PriceRow {
  sku: string;
  name: string;
  price: string; // '12.50'
}

/** Bring the catalogue in line with a price list: update known SKUs, create new ones. */
export async function syncPrices(rows: PriceRow[]): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const known = await Product.objects.inBulk(rows.map((r) => r.sku), { fieldName: 'sku' }); // 1 query
  const changed: Product[] = [];
  const fresh: Product[] = [];
  for (const row of rows) {
    const product = known.get(row.sku);
    if (product) {
      product.name = row.name;
      product.price = row.price;
      changed.push(product);
    } else fresh.push(new Product(row));
  }
  if (changed.length) await Product.objects.bulkUpdate(changed, ['name', 'price']); // 1 UPDATE ... CASE
  if (fresh.length) await Product.objects.bulkCreate(fresh); // 1 multi-row INSERT
  return { created: fresh.length, updated: changed.length };
}
