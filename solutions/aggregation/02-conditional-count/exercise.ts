// Reference solution: exercises/aggregation/02-conditional-count
import { Count } from '../../../engine/index.ts';
import { Film } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Verdict {
  title: string;
  good: number;
  bad: number;
}

export async function verdicts(): Promise<Verdict[]> {
  // A filter inside the aggregate counts some rows and keeps every film (FILTER (WHERE ...) or CASE WHEN, per database).
  const rows = await Film.objects
    .annotate({
      good: Count('reviews', { filter: { reviews__stars__gte: 4 } }),
      bad: Count('reviews', { filter: { reviews__stars__lte: 2 } }),
    })
    .orderBy('title', 'id')
    .values('title', 'good', 'bad');
  return rows.map((r) => ({ title: String(r.title), good: Number(r.good), bad: Number(r.bad) }));
}
