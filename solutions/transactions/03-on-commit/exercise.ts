// Reference solution: exercises/transactions/03-on-commit
import type { Database } from '../../../engine/index.ts';

export interface Order {
  reference: string;
  item: string;
  quantity: number;
}

export async function placeOrder(db: Database, order: Order, notify: (reference: string) => void): Promise<void> {
  await db.atomic(async () => {
    await db.execute('INSERT INTO purchase (reference, item, quantity) VALUES (?, ?, ?)', [order.reference, order.item, order.quantity]);
    // Runs after the outermost commit; dropped if this block or an enclosing one rolls back.
    await db.onCommit(() => notify(order.reference));
  });
}
