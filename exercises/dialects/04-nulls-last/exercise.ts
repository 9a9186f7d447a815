// Unscored players last, on every database — see README.md. Run: npx workbook grade dialects/04-nulls-last
import { Player } from '../../../exercises/dialects/04-nulls-last/models.ts';

export async function leaderboard(): Promise<string[]> {
  // TODO: best score first, players without a score last, ties by name — on every database.
  return Player.objects.orderBy('name').valuesList('name', { flat: true });
}
