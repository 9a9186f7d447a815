// Send the email after the commit — see README.md. Run: npx workbook grade transactions/03-on-commit
import type { Database } from '../../../engine/index.ts';

export interface Order {
  reference: string;
  item: string;
  quantity: number;
}

export async function placeOrder(db: Database, order: Order, notify: (reference: string) => void): Promise<void> {
  await db.execute('INSERT INTO purchase (reference, item, quantity) VALUES (?, ?, ?)', [order.reference, order.item, order.quantity]);
  // TODO: only call notify once the order is committed (and never if it is rolled back).
  notify(order.reference);
}
