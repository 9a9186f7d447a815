// Known wrong: filter() before annotate() removes the reviews (and the films) that do not match: films without a good review vanish, and "bad" is always 0.
// Fails on: all
import { Count } from '../../../engine/index.ts';
import { Film } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Verdict {
  title: string;
  good: number;
  bad: number;
}

export async function verdicts(): Promise<Verdict[]> {
  const rows = await Film.objects
    .filter({ reviews__stars__gte: 4 })
    .annotate({ good: Count('reviews'), bad: Count('reviews', { filter: { reviews__stars__lte: 2 } }) })
    .orderBy('title', 'id')
    .values('title', 'good', 'bad');
  return rows.map((r) => ({ title: String(r.title), good: Number(r.good), bad: Number(r.bad) }));
}
