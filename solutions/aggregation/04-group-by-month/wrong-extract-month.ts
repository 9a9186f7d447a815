// Known wrong: groups by the month number alone, so January 2023 and January 2024 become one group.
// Fails on: all
import { Count, ExtractMonth } from '../../../engine/index.ts';
import { Review } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface MonthCount {
  month: string; // 'YYYY-MM'
  reviews: number;
}

export async function reviewsPerMonth(): Promise<MonthCount[]> {
  const rows = await Review.objects.annotate({ m: ExtractMonth('writtenAt') }).values('m').annotate({ reviews: Count('id') }).orderBy('m');
  return rows.map((r) => ({ month: `2024-${String(r.m).padStart(2, '0')}`, reviews: Number(r.reviews) }));
}
