// Reference solution: exercises/relations/03-prefetch-objects
import { Prefetch } from '../../../engine/index.ts';
import { Blogger, Entry } from '../../../exercises/relations/03-prefetch-objects/models.ts';

export interface Blogroll {
  blogger: string;
  published: string[];
}

export async function blogroll(): Promise<Blogroll[]> {
  // The filter and the order live in the prefetch query; toAttr keeps the result apart from `entries`.
  const bloggers = await Blogger.objects
    .prefetchRelated(new Prefetch('entries', { queryset: Entry.objects.filter({ published: true }).orderBy('-week', 'id'), toAttr: 'publishedEntries' }))
    .orderBy('name', 'id');
  return bloggers.map((b) => ({
    blogger: b.name,
    published: (b as Blogger & { publishedEntries: Entry[] }).publishedEntries.map((e) => e.title),
  }));
}
