// Reference solution: exercises/aggregation/03-subquery
import { OuterRef, Subquery } from '../../../engine/index.ts';
import { Film, Review } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface Latest {
  title: string;
  latestStars: number | null;
}

export async function latestVerdicts(): Promise<Latest[]> {
  // A correlated subquery: for each film (OuterRef('pk')), the stars of its newest review.
  const newest = Review.objects.filter({ film: OuterRef('pk') }).orderBy('-writtenAt', '-id').values('stars').slice(0, 1);
  const rows = await Film.objects.annotate({ latestStars: new Subquery(newest) }).orderBy('title', 'id').values('title', 'latestStars');
  return rows.map((r) => ({ title: String(r.title), latestStars: r.latestStars === null ? null : Number(r.latestStars) }));
}
