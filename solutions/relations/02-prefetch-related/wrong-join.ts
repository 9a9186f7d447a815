// Known wrong: one JOIN over the through table loses the clubs that have no members.
// Fails on: all
import { Membership } from '../../../exercises/relations/02-prefetch-related/models.ts';

export interface Roster {
  club: string;
  members: string[];
}

export async function clubRoster(): Promise<Roster[]> {
  const rows = await Membership.objects.selectRelated('club', 'member').orderBy('club__name', 'member__name');
  const byClub = new Map<string, string[]>();
  for (const m of rows) byClub.set(m.club.name, [...(byClub.get(m.club.name) ?? []), m.member.name]);
  return [...byClub].map(([club, members]) => ({ club, members }));
}
