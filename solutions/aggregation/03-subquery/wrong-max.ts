// Known wrong: Max('reviews__stars') is the best review, not the latest one.
// Fails on: all
import { Max } from '../../../engine/index.ts';
import { Film } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Latest {
  title: string;
  latestStars: number | null;
}

export async function latestVerdicts(): Promise<Latest[]> {
  const rows = await Film.objects.annotate({ latestStars: Max('reviews__stars') }).orderBy('title', 'id').values('title', 'latestStars');
  return rows.map((r) => ({ title: String(r.title), latestStars: r.latestStars === null ? null : Number(r.latestStars) }));
}
