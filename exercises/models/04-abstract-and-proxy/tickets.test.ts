// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { models, Ticket, UrgentTicket } from './exercise.ts';

type T = { title: string; status: 'open' | 'closed'; priority: number };

const sets = dataSets<T[]>(
  [
    { title: 'printer', status: 'open', priority: 3 },
    { title: 'vpn', status: 'open', priority: 5 },
    { title: 'coffee', status: 'closed', priority: 5 },
    { title: 'mouse', status: 'open', priority: 1 },
  ],
  (random) => Array.from({ length: 12 }, (_, i) => ({ title: `${random.word(5)}${i}`, status: random.next() < 0.7 ? 'open' : 'closed', priority: random.int(1, 5) })),
);

async function tables(db: Database): Promise<string[]> {
  const rows = await db.query<{ name?: string; NAME?: string }>(db.dialect.admin.listTablesSql);
  return rows.map((r) => String(r.name ?? r.NAME)).filter((n) => n.startsWith('desk')).sort();
}

gradeOnDialects('models/04-abstract-and-proxy', (t) => {
  t.setup((db) => createTables(db, models));

  t.test('one table: desk_ticket (abstract and proxy models have none)', async (db) => {
    expect(await tables(db), 'tables made from your models').toEqual(['desk_ticket']);
  });

  for (const { label, data } of sets) {
    const urgent = (rows: Array<T & { id: number }>) =>
      rows.filter((r) => r.status === 'open' && r.priority >= 3).sort((a, b) => b.priority - a.priority || a.id - b.id).map((r) => r.title);

    t.test(`UrgentTicket: open, priority >= 3, highest first; escalate() (${label})`, async () => {
      const rows: Array<T & { id: number }> = [];
      for (const r of data) {
        const ticket = await Ticket.objects.create(r);
        rows.push({ ...r, id: Number(ticket.pk) });
      }
      expect((await UrgentTicket.objects.all()).map((u) => u.title), 'UrgentTicket.objects titles').toEqual(urgent(rows));
      const target = rows.find((r) => r.status === 'open' && r.priority >= 3 && r.priority < 5) ?? rows.find((r) => r.status === 'open' && r.priority >= 3);
      if (target) {
        const proxy = await UrgentTicket.objects.get({ pk: target.id });
        await proxy.escalate();
        target.priority = 5;
        expect((await Ticket.objects.get({ pk: target.id })).priority, `priority of ${target.title} after escalate()`).toBe(5);
        expect((await UrgentTicket.objects.all()).map((u) => u.title), 'UrgentTicket.objects after escalate()').toEqual(urgent(rows));
      }
      expect((await Ticket.objects.first())?.createdAt, 'createdAt of a ticket').toBeInstanceOf(Date);
    });
  }
});
