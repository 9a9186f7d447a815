// The latest review, per film, in one query — see README.md. Run: npx workbook grade aggregation/03-subquery
import { Film } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Latest {
  title: string;
  latestStars: number | null;
}

export async function latestVerdicts(): Promise<Latest[]> {
  const result: Latest[] = [];
  // TODO: 1 + N queries. One: annotate each film with a Subquery over its reviews (OuterRef('pk')).
  for (const film of await Film.objects.orderBy('title', 'id')) {
    const newest = await film.reviews.orderBy('-writtenAt', '-id').first();
    result.push({ title: film.title, latestStars: newest ? newest.stars : null });
  }
  return result;
}
