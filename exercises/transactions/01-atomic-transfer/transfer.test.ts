// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { AccountNotFound, InsufficientFunds, transfer } from './exercise.ts';

interface Account { id: number; owner: string; balance: number }

const sets = dataSets<Account[]>(
  [
    { id: 1, owner: 'ann', balance: 100 },
    { id: 2, owner: 'bob', balance: 50 },
    { id: 3, owner: 'cy', balance: 0 },
  ],
  (random) => random.distinctInts(4, 10, 9000).map((id) => ({ id, owner: random.word(), balance: random.int(20, 500) })),
);

async function load(db: Database, accounts: Account[]): Promise<void> {
  for (const a of accounts) await db.execute('INSERT INTO account (id, owner, balance) VALUES (?, ?, ?)', [a.id, a.owner, a.balance]);
}

async function balances(db: Database): Promise<Record<number, number>> {
  const rows = await db.query<{ id: number; balance: number }>('SELECT id, balance FROM account');
  return Object.fromEntries(rows.map((r) => [Number(r.id), Number(r.balance)]));
}

const asMap = (accounts: Account[]) => Object.fromEntries(accounts.map((a) => [a.id, a.balance]));

gradeOnDialects('transactions/01-atomic-transfer', (t) => {
  t.setup((db) => db.execute('CREATE TABLE account (id INTEGER PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance INTEGER NOT NULL)'));

  for (const { label, data } of sets) {
    const [a, b, c] = [data[0]!, data[1]!, data[2]!];

    t.test(`moves the amount from one account to the other (${label})`, async (db) => {
      await load(db, data);
      const amount = Math.min(a.balance, 17);
      await transfer(db, a.id, b.id, amount);
      expect(await balances(db), 'balances after a transfer').toEqual({ ...asMap(data), [a.id]: a.balance - amount, [b.id]: b.balance + amount });
    });

    t.test(`an overdraft throws InsufficientFunds and changes nothing (${label})`, async (db) => {
      await load(db, data);
      await expect(transfer(db, c.id, a.id, c.balance + 1), 'transfer of more than the balance').rejects.toBeInstanceOf(InsufficientFunds);
      expect(await balances(db), 'balances after a refused transfer').toEqual(asMap(data));
    });

    t.test(`a missing destination throws AccountNotFound and changes nothing (${label})`, async (db) => {
      await load(db, data);
      const missing = Math.max(...data.map((x) => x.id)) + 1;
      await expect(transfer(db, a.id, missing, 1), 'transfer to a missing account').rejects.toBeInstanceOf(AccountNotFound);
      expect(await balances(db), 'balances after a transfer to a missing account').toEqual(asMap(data));
    });
  }
});
