// Transfer money atomically — see README.md. Run: npx workbook grade transactions/01-atomic-transfer
import type { Database } from '../../../engine/index.ts';

export class InsufficientFunds extends Error {}
export class AccountNotFound extends Error {}

/** Move `amount` from account `fromId` to account `toId`: both balances change, or neither. */
export async function transfer(db: Database, fromId: number, toId: number, amount: number): Promise<void> {
  // TODO: in one db.atomic() block, take `amount` from `fromId` and add it to `toId`.
  // TODO: throw InsufficientFunds if the source would go below zero, AccountNotFound if an
  //       account is missing — and make sure nothing has changed when you throw.
  await db.execute('UPDATE account SET balance = balance - ? WHERE id = ?', [amount, fromId]);
  await db.execute('UPDATE account SET balance = balance + ? WHERE id = ?', [amount, toId]);
}
