// Known wrong: checks and throws, but without an atomic block the first UPDATE stays done.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export class InsufficientFunds extends Error {}
export class AccountNotFound extends Error {}

export async function transfer(db: Database, fromId: number, toId: number, amount: number): Promise<void> {
  const debited = await db.execute('UPDATE account SET balance = balance - ? WHERE id = ?', [amount, fromId]);
  if (debited.rowCount !== 1) throw new AccountNotFound(`No account with id ${fromId}.`);
  const [source] = await db.query<{ balance: number }>('SELECT balance FROM account WHERE id = ?', [fromId]);
  if (Number(source!.balance) < 0) throw new InsufficientFunds(`Account ${fromId} cannot pay ${amount}.`);
  const credited = await db.execute('UPDATE account SET balance = balance + ? WHERE id = ?', [amount, toId]);
  if (credited.rowCount !== 1) throw new AccountNotFound(`No account with id ${toId}.`);
}
