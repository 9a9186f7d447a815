// Per-instance bookkeeping (Django's ModelState): which database the row came from, whether it
// is still to be inserted, and the related objects loaded with it (selectRelated, prefetch).

export class ModelState {
  /** The alias of the database the instance was loaded from or saved to. */
  db: string | null = null;
  /** True until the row exists in the database. */
  adding = true;
  /** Related objects by field name: `author` after selectRelated('author'). */
  readonly fieldsCache = new Map<string, unknown>();
  /** Prefetched lists by relation name: `posts` after prefetchRelated('posts'). */
  readonly prefetched = new Map<string, unknown[]>();
}
