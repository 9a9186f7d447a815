// Count without double counting — see README.md. Run: npx workbook grade aggregation/01-count-distinct
import { Writer } from '../../../exercises/aggregation/01-count-distinct/models.ts';

export interface WriterStats {
  name: string;
  novels: number;
  awards: number;
}

export async function writerStats(): Promise<WriterStats[]> {
  const result: WriterStats[] = [];
  // TODO: 1 + 2N queries. One, with annotate() and Count — and mind the double counting.
  for (const w of await Writer.objects.orderBy('name', 'id')) {
    result.push({ name: w.name, novels: await w.novels.count(), awards: await w.awards.count() });
  }
  return result;
}
