// Known wrong: prefetches every entry, then filters each blogger's: a filter after the prefetch is a new query per blogger.
// Fails on: all
import { Blogger } from '../../../exercises/relations/03-prefetch-objects/models.ts';

export interface Blogroll {
  blogger: string;
  published: string[];
}

export async function blogroll(): Promise<Blogroll[]> {
  const result: Blogroll[] = [];
  for (const b of await Blogger.objects.prefetchRelated('entries').orderBy('name', 'id')) {
    const entries = await b.entries.filter({ published: true }).orderBy('-week', 'id');
    result.push({ blogger: b.name, published: entries.map((e) => e.title) });
  }
  return result;
}
