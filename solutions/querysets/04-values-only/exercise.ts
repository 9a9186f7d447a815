// Reference solution: exercises/querysets/04-values-only
import { Article } from '../../../exercises/querysets/04-values-only/models.ts';

export interface Headline {
  title: string;
  writer: string;
}

export async function headlines(limit: number): Promise<Headline[]> {
  // values(): plain objects with only these columns (the join to the writer included), no model instances.
  const rows = await Article.objects
    .filter({ published: true })
    .orderBy('-publishedAt', 'id')
    .values('title', 'writer__name')
    .slice(0, limit);
  return rows.map((r) => ({ title: String(r.title), writer: String(r.writer__name) }));
}
