// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects, statementsOf } from '../../_grading/index.ts';
import { customersToCall } from './exercise.ts';
import { Complaint, Customer, models, Order } from './models.ts';

interface Person { name: string; orders: string[]; complaints: boolean[] /* resolved? */ }
interface Case { today: string; people: Person[] }

const day = (base: string, offset: number) => new Date(Date.parse(base) + offset * 86_400_000).toISOString().slice(0, 10);

const sets = dataSets<Case>(
  {
    today: '2024-06-30',
    people: [
      { name: 'Ana', orders: ['2024-06-01'], complaints: [false, false, true] },
      { name: 'Ben', orders: ['2024-03-01'], complaints: [] },
      { name: 'Cleo', orders: ['2024-04-01'], complaints: [true] },
      { name: 'Dev', orders: [], complaints: [] },
    ],
  },
  (random) => {
    const today = day('2024-01-01', random.int(100, 300));
    return {
      today,
      people: Array.from({ length: random.int(35, 45) }, (_, i) => ({
        name: `${random.word(5)}-${String(i).padStart(2, '0')}`,
        // Around the 90-day edge on purpose: -95 .. -85 days, and older and newer ones.
        orders: Array.from({ length: random.int(0, 3) }, () => day(today, -random.pick([random.int(85, 95), random.int(0, 200)]))),
        complaints: Array.from({ length: random.pick([0, 0, 1, 2, 3]) }, () => random.next() < 0.4),
      })),
    };
  },
);

function expected({ today, people }: Case): string[] {
  const since = day(today, -90);
  return people
    .filter((p) => p.complaints.some((resolved) => !resolved) || !p.orders.some((d) => d >= since))
    .map((p) => p.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

gradeOnDialects('aggregation/06-exists-or', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`the customers to call, once each, sorted, in one query (${label}, ${data.people.length} customers)`, async (db) => {
      for (const p of data.people) {
        const customer = await Customer.objects.create({ name: p.name });
        for (const placedOn of p.orders) await Order.objects.create({ customer, placedOn });
        for (const resolved of p.complaints) await Complaint.objects.create({ customer, resolved });
      }
      const { result, sql } = await statementsOf(db, () => customersToCall(data.today));
      expect(result, `names to call on ${data.today}`).toEqual(expected(data));
      expect(sql.length, 'queries run (budget: 1)').toBe(1);
    }, 30_000);
  }
});
