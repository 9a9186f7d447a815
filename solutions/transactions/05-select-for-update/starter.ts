// Never sell the last seat twice — see README.md. Run: npx workbook grade transactions/05-select-for-update
import type { Database } from '../../../engine/index.ts';

export async function reserveSeat(db: Database, showId: number, customer: string): Promise<boolean> {
  // TODO: do this in one db.atomic() block, and lock the show's row while you decide
  //       (SELECT ... FOR UPDATE where db.features.hasSelectForUpdate).
  const [show] = await db.query<{ seats_left: number }>('SELECT seats_left FROM show_time WHERE id = ?', [showId]);
  if (!show || Number(show.seats_left) <= 0) return false;
  await db.execute('UPDATE show_time SET seats_left = ? WHERE id = ?', [Number(show.seats_left) - 1, showId]);
  await db.execute('INSERT INTO booking (show_id, customer) VALUES (?, ?)', [showId, customer]);
  return true;
}
