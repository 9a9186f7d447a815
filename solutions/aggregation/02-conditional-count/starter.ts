// Good and bad reviews in one query — see README.md. Run: npx workbook grade aggregation/02-conditional-count
import { Film } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Verdict {
  title: string;
  good: number;
  bad: number;
}

export async function verdicts(): Promise<Verdict[]> {
  const result: Verdict[] = [];
  // TODO: 1 + 2N queries. One: annotate() with Count('reviews', { filter: ... }).
  for (const film of await Film.objects.orderBy('title', 'id')) {
    result.push({
      title: film.title,
      good: await film.reviews.filter({ stars__gte: 4 }).count(),
      bad: await film.reviews.filter({ stars__lte: 2 }).count(),
    });
  }
  return result;
}
