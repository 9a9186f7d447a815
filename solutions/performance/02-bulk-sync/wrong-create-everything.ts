// Known wrong: one bulkCreate for every row: the SKUs that already exist break the unique constraint.
// Fails on: all
import { Product } from '../../../exercises/performance/02-bulk-sync/models.ts';

export interface PriceRow {
  sku: string;
  name: string;
  price: string; // '12.50'
}

export async function syncPrices(rows: PriceRow[]): Promise<{ created: number; updated: number }> {
  await Product.objects.bulkCreate(rows.map((r) => new Product(r)));
  return { created: rows.length, updated: 0 };
}
