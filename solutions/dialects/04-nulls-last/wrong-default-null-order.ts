// Known wrong: plain "-score": PostgreSQL sorts NULL above every number, so in descending order the players without a score come first there.
// Fails on: postgres
import { Player } from '../../../exercises/dialects/04-nulls-last/models.ts';

export async function leaderboard(): Promise<string[]> {
  return Player.objects.orderBy('-score', 'name').valuesList('name', { flat: true });
}
