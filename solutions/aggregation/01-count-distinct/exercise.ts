// Reference solution: exercises/aggregation/01-count-distinct
import { Count } from '../../../engine/index.ts';
import { Writer } from '../../../exercises/aggregation/01-count-distinct/models.ts';

export interface WriterStats {
  name: string;
  novels: number;
  awards: number;
}

export async function writerStats(): Promise<WriterStats[]> {
  // Two multi-valued joins multiply rows (novels × awards): count distinct ids.
  const rows = await Writer.objects
    .annotate({ nNovels: Count('novels', { distinct: true }), nAwards: Count('awards', { distinct: true }) })
    .orderBy('name', 'id')
    .values('name', 'nNovels', 'nAwards');
  return rows.map((r) => ({ name: String(r.name), novels: Number(r.nNovels), awards: Number(r.nAwards) }));
}
