// Reference solution: exercises/relations/02-prefetch-related
import { Prefetch } from '../../../engine/index.ts';
import { Club, Member } from '../../../exercises/relations/02-prefetch-related/models.ts';

export interface Roster {
  club: string;
  members: string[];
}

export async function clubRoster(): Promise<Roster[]> {
  // Two queries: the clubs, then every member of every club at once (ordered by name).
  const clubs = await Club.objects.prefetchRelated(new Prefetch('members', { queryset: Member.objects.orderBy('name') })).orderBy('name');
  const result: Roster[] = [];
  for (const club of clubs) result.push({ club: club.name, members: (await club.members.all()).map((m) => m.name) });
  return result;
}
