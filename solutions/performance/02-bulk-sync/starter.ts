// Sync a price list within a query budget — see README.md. Run: npx workbook grade performance/02-bulk-sync
import { Product } from '../../../exercises/performance/02-bulk-sync/models.ts';

export interface PriceRow {
  sku: string;
  name: string;
  price: string; // '12.50'
}

export async function syncPrices(rows: PriceRow[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  // TODO: two or three statements per row. Three in all: inBulk, bulkUpdate, bulkCreate.
  for (const row of rows) {
    const [, isNew] = await Product.objects.updateOrCreate({ sku: row.sku }, { defaults: { name: row.name, price: row.price } });
    if (isNew) created++;
    else updated++;
  }
  return { created, updated };
}
