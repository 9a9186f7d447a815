// Graders for README.md. They import your ./exercise.ts. Tests commit for real and run concurrently.
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { autoId, closeSecond, dataSets, gradeOnDialects, secondConnection } from '../../_grading/index.ts';
import { reserveSeat } from './exercise.ts';

interface Case { showId: number; title: string; seats: number; customers: string[] }

const sets = dataSets<Case>(
  { showId: 1, title: 'Hamlet', seats: 3, customers: Array.from({ length: 10 }, (_, i) => `customer-${i + 1}`) },
  (random) => ({
    showId: random.int(10, 5000),
    title: random.word(8),
    seats: random.int(2, 6),
    customers: Array.from({ length: random.int(9, 14) }, () => random.word(6)),
  }),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function state(db: Database, showId: number) {
  const [show] = await db.query<{ seats_left: number }>('SELECT seats_left FROM show_time WHERE id = ?', [showId]);
  const [count] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM booking WHERE show_id = ?', [showId]);
  return { seatsLeft: Number(show!.seats_left), bookings: Number(count!.n) };
}

gradeOnDialects(
  'transactions/05-select-for-update',
  (t) => {
    t.setup(async (db) => {
      await db.execute('CREATE TABLE show_time (id INTEGER PRIMARY KEY, title VARCHAR(60) NOT NULL, seats_left INTEGER NOT NULL)');
      await db.execute(`CREATE TABLE booking (${autoId(db)}, show_id INTEGER NOT NULL, customer VARCHAR(60) NOT NULL)`);
    });

    for (const { label, data } of sets) {
      const load = (db: Database, seats = data.seats) =>
        db.execute('INSERT INTO show_time (id, title, seats_left) VALUES (?, ?, ?)', [data.showId, data.title, seats]);

      t.test(`concurrent reservations sell exactly the seats there are (${label})`, async (db) => {
        await load(db);
        const results = await Promise.all(data.customers.map((c) => reserveSeat(db, data.showId, c)));
        expect(results.filter(Boolean).length, `calls that returned true (${data.customers.length} customers, ${data.seats} seats)`).toBe(data.seats);
        expect(await state(db, data.showId), 'seats left and bookings afterwards').toEqual({ seatsLeft: 0, bookings: data.seats });
      });

      t.test(`a sold-out show returns false and changes nothing (${label})`, async (db) => {
        await load(db, 0);
        expect(await reserveSeat(db, data.showId, data.customers[0]!), 'reserveSeat on a sold-out show').toBe(false);
        expect(await state(db, data.showId)).toEqual({ seatsLeft: 0, bookings: 0 });
      });

      t.test(`waits for another transaction holding the show, then sees its last seat gone (${label})`, async (db) => {
        await load(db, 1);
        const other = await secondConnection(db);
        try {
          let release!: () => void;
          let held!: () => void;
          const released = new Promise<void>((resolve) => (release = resolve));
          const holding = new Promise<void>((resolve) => (held = resolve));
          const holder = other.atomic(async () => {
            const lock = other.features.hasSelectForUpdate ? ' FOR UPDATE' : '';
            await other.query(`SELECT seats_left FROM show_time WHERE id = ?${lock}`, [data.showId]);
            held();
            await released;
            await other.execute('UPDATE show_time SET seats_left = 0 WHERE id = ?', [data.showId]);
            await other.execute('INSERT INTO booking (show_id, customer) VALUES (?, ?)', [data.showId, 'first customer']);
          });
          await holding;
          const call = reserveSeat(db, data.showId, 'late customer'); // starts while the row is held
          await sleep(150);
          release();
          await holder;
          expect(await call, 'reserveSeat after the other transaction sold the last seat').toBe(false);
          expect(await state(db, data.showId), 'seats left and bookings afterwards').toEqual({ seatsLeft: 0, bookings: 1 });
        } finally {
          await closeSecond(db, other);
        }
      });
    }
  },
  { isolation: 'truncate' },
);
