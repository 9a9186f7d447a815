// Prefetch with a filter — see README.md. Run: npx workbook grade relations/03-prefetch-objects
import { Blogger } from '../../../exercises/relations/03-prefetch-objects/models.ts';

export interface Blogroll {
  blogger: string;
  published: string[];
}

export async function blogroll(): Promise<Blogroll[]> {
  const result: Blogroll[] = [];
  // TODO: 1 + N queries. Two, with Prefetch('entries', { queryset: ..., toAttr: ... }).
  for (const b of await Blogger.objects.orderBy('name', 'id')) {
    const entries = await b.entries.filter({ published: true }).orderBy('-week', 'id');
    result.push({ blogger: b.name, published: entries.map((e) => e.title) });
  }
  return result;
}
