// Known wrong: notifies after its own block returns, but inside a caller's block that was only a savepoint.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export interface Order {
  reference: string;
  item: string;
  quantity: number;
}

export async function placeOrder(db: Database, order: Order, notify: (reference: string) => void): Promise<void> {
  await db.atomic(async () => {
    await db.execute('INSERT INTO purchase (reference, item, quantity) VALUES (?, ?, ?)', [order.reference, order.item, order.quantity]);
  });
  notify(order.reference);
}
