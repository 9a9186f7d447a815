// Reference solution: exercises/aggregation/04-group-by-month
import { Count, TruncMonth } from '../../../engine/index.ts';
import { Review } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface MonthCount {
  month: string; // 'YYYY-MM'
  reviews: number;
}

export async function reviewsPerMonth(): Promise<MonthCount[]> {
  // annotate a truncated date, group by it with values(), then count each group: GROUP BY in the database.
  const rows = await Review.objects.annotate({ month: TruncMonth('writtenAt') }).values('month').annotate({ reviews: Count('id') }).orderBy('month');
  return rows.map((r) => ({ month: (r.month as Date).toISOString().slice(0, 7), reviews: Number(r.reviews) }));
}
