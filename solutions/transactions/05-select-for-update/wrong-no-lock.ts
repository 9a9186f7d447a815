// Known wrong: one transaction but no row lock; another transaction can sell the seat between the read and the write.
// Fails on: postgres, mysql
import type { Database } from '../../../engine/index.ts';

export async function reserveSeat(db: Database, showId: number, customer: string): Promise<boolean> {
  return db.atomic(async () => {
    const [show] = await db.query<{ seats_left: number }>('SELECT seats_left FROM show_time WHERE id = ?', [showId]);
    if (!show || Number(show.seats_left) <= 0) return false;
    await db.execute('UPDATE show_time SET seats_left = seats_left - 1 WHERE id = ?', [showId]);
    await db.execute('INSERT INTO booking (show_id, customer) VALUES (?, ?)', [showId, customer]);
    return true;
  });
}
