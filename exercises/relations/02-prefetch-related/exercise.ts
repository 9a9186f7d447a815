// Clubs and their members in two queries — see README.md. Run: npx workbook grade relations/02-prefetch-related
import { Club } from '../../../exercises/relations/02-prefetch-related/models.ts';

export interface Roster {
  club: string;
  members: string[];
}

export async function clubRoster(): Promise<Roster[]> {
  const result: Roster[] = [];
  // TODO: 1 + N queries (one per club). Make it two with prefetchRelated.
  for (const club of await Club.objects.orderBy('name')) {
    const members = await club.members.orderBy('name');
    result.push({ club: club.name, members: members.map((m) => m.name) });
  }
  return result;
}
