// iterator() where the database has no cursor it can keep open while the loop body writes
// (SQLite): a SELECT per chunk. In primary-key order (the default) each page starts after the
// last key seen, an index seek; in any other order pages use OFFSET, with the key appended as a
// tiebreaker so that rows with equal sort values cannot repeat or go missing between pages.
import type { Model } from '../models/model.ts';
import type { OrderBy } from './expressions.ts';
import type { QuerySet } from './queryset.ts';

export async function* readInPages<R>(qs: QuerySet<any, R, any>, size: number, rowsAreModels: boolean): AsyncGenerator<R> {
  const meta = qs.model._meta;
  const given = qs.query.ordering.length ? qs.query.ordering : qs.query.defaultOrdering ? (meta.ordering ?? []) : [];
  const pkNames = new Set(['pk', meta.pk.name, meta.pk.attname]);
  const isPk = (term: string | OrderBy) => typeof term === 'string' && pkNames.has(term.replace(/^-/, ''));
  // 'pk' / '-pk' when the order is the key alone (or none), else null.
  const keyOrder = given.length === 0 ? 'pk' : given.length === 1 && isPk(given[0]!) ? (String(given[0]).startsWith('-') ? '-pk' : 'pk') : null;

  // Keyset needs the last row's key, which only model instances are sure to carry.
  if (keyOrder && rowsAreModels) {
    const base = qs.orderBy(keyOrder);
    let last: unknown;
    for (;;) {
      const page = await (last === undefined ? base : base.filter({ [keyOrder === '-pk' ? 'pk__lt' : 'pk__gt']: last })).slice(0, size).list();
      yield* page;
      if (page.length < size) return;
      last = (page[page.length - 1] as unknown as Model).pk;
    }
  }
  const ordered = keyOrder ? qs.orderBy(keyOrder) : given.some(isPk) ? qs.orderBy(...(given as never[])) : qs.orderBy(...(given as never[]), 'pk' as never);
  yield* offsetPages(ordered, size);
}

async function* offsetPages<R>(qs: QuerySet<any, R, any>, size: number): AsyncGenerator<R> {
  for (let offset = 0; ; offset += size) {
    const page = await qs.slice(offset, offset + size).list();
    yield* page;
    if (page.length < size) return;
  }
}
