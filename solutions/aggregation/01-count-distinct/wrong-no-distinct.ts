// Known wrong: Count without distinct over two joins: a writer with 3 novels and 2 awards gets 6 and 6.
// Fails on: all
import { Count } from '../../../engine/index.ts';
import { Writer } from '../../../exercises/aggregation/01-count-distinct/models.ts';

export interface WriterStats {
  name: string;
  novels: number;
  awards: number;
}

export async function writerStats(): Promise<WriterStats[]> {
  const rows = await Writer.objects
    .annotate({ nNovels: Count('novels'), nAwards: Count('awards') })
    .orderBy('name', 'id')
    .values('name', 'nNovels', 'nAwards');
  return rows.map((r) => ({ name: String(r.name), novels: Number(r.nNovels), awards: Number(r.nAwards) }));
}
