// Named databases, as Django's `connections` and DATABASES: 'default' plus any others.
// `connections.run(db, fn)` makes `db` answer to its alias for the code `fn` awaits:
// that is how one test process runs the same test on SQLite, PostgreSQL and MySQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './database.ts';

const registry = new Map<string, Database>();
const scoped = new AsyncLocalStorage<Map<string, Database>>();

export const connections = {
  register(db: Database): Database {
    registry.set(db.alias, db);
    return db;
  },
  get(alias = 'default'): Database {
    const db = scoped.getStore()?.get(alias) ?? registry.get(alias);
    if (!db) {
      const known = [...new Set([...(scoped.getStore()?.keys() ?? []), ...registry.keys()])];
      throw new Error(
        `No database named "${alias}" is registered. ` +
          (known.length ? `Known: ${known.join(', ')}.` : 'Register one with connections.register(await connect(url)).'),
      );
    }
    return db;
  },
  has(alias: string): boolean {
    return Boolean(scoped.getStore()?.has(alias) || registry.has(alias));
  },
  /** Run `fn` with `db` standing in for its alias (and any others given). */
  run<T>(db: Database | Database[], fn: () => T): T {
    const map = new Map(scoped.getStore() ?? []);
    for (const one of Array.isArray(db) ? db : [db]) map.set(one.alias, one);
    return scoped.run(map, fn);
  },
  unregister(alias: string): void {
    registry.delete(alias);
  },
  all(): Database[] {
    return [...registry.values()];
  },
  async closeAll(): Promise<void> {
    const dbs = [...registry.values()];
    registry.clear();
    await Promise.all(dbs.map((db) => db.close()));
  },
};
