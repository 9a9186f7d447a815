// Reference solution: exercises/dialects/04-nulls-last
import { F } from '../../../engine/index.ts';
import { Player } from '../../../exercises/dialects/04-nulls-last/models.ts';

export async function leaderboard(): Promise<string[]> {
  // Where NULLs sort is each database's choice; say it (MySQL has no NULLS LAST: the engine emulates it).
  return Player.objects.orderBy(F('score').desc({ nullsLast: true }), 'name').valuesList('name', { flat: true });
}
