// Reviews per month, counted by the database — see README.md. Run: npx workbook grade aggregation/04-group-by-month
import { Review } from '../../../exercises/aggregation/02-conditional-count/models.ts';

export interface MonthCount {
  month: string; // 'YYYY-MM'
  reviews: number;
}

export async function reviewsPerMonth(): Promise<MonthCount[]> {
  // TODO: this loads every review to count in TypeScript. Let the database group and count:
  //       annotate TruncMonth('writtenAt'), values('month'), annotate Count('id').
  const counts = new Map<string, number>();
  for (const review of await Review.objects.all()) {
    const month = review.writtenAt.toISOString().slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].map(([month, reviews]) => ({ month, reviews }));
}
