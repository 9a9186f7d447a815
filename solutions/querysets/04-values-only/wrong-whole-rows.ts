// Known wrong: one query, but it loads whole articles, the large body column included.
// Fails on: all
import { Article } from '../../../exercises/querysets/04-values-only/models.ts';

export interface Headline {
  title: string;
  writer: string;
}

export async function headlines(limit: number): Promise<Headline[]> {
  const articles = await Article.objects.filter({ published: true }).selectRelated('writer').orderBy('-publishedAt', 'id').slice(0, limit);
  return articles.map((a) => ({ title: a.title, writer: a.writer.name }));
}
