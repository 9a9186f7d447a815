// Known wrong: reads, decides and writes in separate statements with no transaction: concurrent calls all see the same seat.
// Fails on: all
import type { Database } from '../../../engine/index.ts';

export async function reserveSeat(db: Database, showId: number, customer: string): Promise<boolean> {
  const [show] = await db.query<{ seats_left: number }>('SELECT seats_left FROM show_time WHERE id = ?', [showId]);
  if (!show || Number(show.seats_left) <= 0) return false;
  await db.execute('UPDATE show_time SET seats_left = ? WHERE id = ?', [Number(show.seats_left) - 1, showId]);
  await db.execute('INSERT INTO booking (show_id, customer) VALUES (?, ?)', [showId, customer]);
  return true;
}
