// Database routers (Django's DATABASE_ROUTERS and django.db.router): which named database a
// model reads from and writes to, whether two objects may be related, and whether a model's
// table belongs on a database. Each router may answer or pass (return undefined); the first
// answer wins, and without one the defaults are Django's: the instance's own database, else
// 'default'; a relation only within one database; every table everywhere.

/** What a router sees of a model class. */
export interface RoutedModel {
  _meta: { appLabel: string; modelName: string; label: string };
}

/** What a router sees of an instance: its model and the database it came from. */
export interface RoutedInstance {
  _state: { db: string | null };
  constructor: unknown;
}

export interface RouterHints {
  /** The object being saved, read through or related from. */
  instance?: RoutedInstance;
}

export interface Router {
  dbForRead?(model: RoutedModel, hints: RouterHints): string | null | undefined;
  dbForWrite?(model: RoutedModel, hints: RouterHints): string | null | undefined;
  allowRelation?(obj1: RoutedInstance, obj2: RoutedInstance, hints: RouterHints): boolean | null | undefined;
  allowMigrate?(db: string, appLabel: string, modelName?: string): boolean | null | undefined;
}

let routers: Router[] = [];

function firstAnswer<T>(ask: (r: Router) => T | null | undefined): T | undefined {
  for (const r of routers) {
    const answer = ask(r);
    if (answer !== null && answer !== undefined) return answer;
  }
  return undefined;
}

export const router = {
  /** Install routers, in order (Django's DATABASE_ROUTERS setting). Returns the previous list. */
  set(list: Router[]): Router[] {
    const previous = routers;
    routers = [...list];
    return previous;
  },

  get routers(): readonly Router[] {
    return routers;
  },

  dbForRead(model: RoutedModel, hints: RouterHints = {}): string {
    return firstAnswer((r) => r.dbForRead?.(model, hints)) ?? hints.instance?._state.db ?? 'default';
  },

  dbForWrite(model: RoutedModel, hints: RouterHints = {}): string {
    return firstAnswer((r) => r.dbForWrite?.(model, hints)) ?? hints.instance?._state.db ?? 'default';
  },

  allowRelation(obj1: RoutedInstance, obj2: RoutedInstance, hints: RouterHints = {}): boolean {
    return firstAnswer((r) => r.allowRelation?.(obj1, obj2, hints)) ?? obj1._state.db === obj2._state.db;
  },

  allowMigrate(db: string, model: RoutedModel): boolean {
    return firstAnswer((r) => r.allowMigrate?.(db, model._meta.appLabel, model._meta.modelName)) ?? true;
  },
};
