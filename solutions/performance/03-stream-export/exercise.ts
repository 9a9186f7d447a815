// Export every order without loading them all — see README.md. Run: npx workbook grade performance/03-stream-export
import { Order } from '../../../exercises/performance/03-stream-export/models.ts';

export async function exportOrders(write: (line: string) => Promise<void> | void): Promise<number> {
  let written = 0;
  // One query read 500 rows at a time: a cursor on PostgreSQL, a stream on MySQL, pages on SQLite.
  for await (const [id, customer, cents] of Order.objects.orderBy('id').valuesList('id', 'customer', 'totalCents').iterator({ chunkSize: 500 })) {
    await write(`${id},${customer},${(Number(cents) / 100).toFixed(2)}`);
    written++;
  }
  return written;
}
