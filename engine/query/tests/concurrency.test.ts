import { expect } from 'vitest';
import { CharField, createTables, dropTables, F, IntegerField, Model } from '../../index.ts';
import { describeDialects } from '../../testing/index.ts';

class Counter extends Model.define('concurrency', 'Counter', {
  name: CharField({ maxLength: 20 }),
  views: IntegerField({ default: 0 }),
}) {}

const WORKERS = 50;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

// The evidence for the lesson on race conditions: the same 50 concurrent increments, done
// in one UPDATE with F() and done as read-modify-write in JavaScript.
describeDialects('50 concurrent increments', (t) => {
  t.setup((db) => createTables(db, [Counter]).then(() => undefined));
  t.teardown((db) => dropTables(db, [Counter]));

  t.test('update({ views: F("views").add(1) }) loses none', async (db) => {
    const counter = await Counter.objects.create({ name: 'page' });
    await Promise.all(
      Array.from({ length: WORKERS }, () => Counter.objects.filter({ pk: counter.pk }).update({ views: F('views').add(1) })),
    );
    expect((await Counter.objects.get({ pk: counter.pk })).views).toBe(WORKERS);
    const update = db.queries.findLast((q) => q.sql.startsWith('UPDATE'))!.sql;
    expect(update).toMatch(/SET .*views.* = \(.*views.* \+ \?\)/); // the addition happens in the database
  });

  t.test('selectForUpdate() inside atomic: read, add one, write, and none is lost', async (db) => {
    const counter = await Counter.objects.create({ name: 'page' });
    const logged = db.queries.length;
    await Promise.all(
      Array.from({ length: WORKERS }, () =>
        db.atomic(async () => {
          // The row stays locked until this transaction ends: the next worker waits here.
          const row = await Counter.objects.selectForUpdate().get({ pk: counter.pk });
          await pause();
          await Counter.objects.filter({ pk: counter.pk }).update({ views: row.views + 1 });
        }),
      ),
    );
    expect((await Counter.objects.get({ pk: counter.pk })).views).toBe(WORKERS);
    const locking = db.queries.slice(logged).find((q) => q.sql.startsWith('SELECT'))!.sql;
    // SQLite has no row locks (a writer locks the whole file) and its atomic blocks run one at
    // a time here, which is what makes the loop correct there; FOR UPDATE is left out.
    expect(locking.endsWith('FOR UPDATE')).toBe(db.features.hasSelectForUpdate);
  }, 30_000);

  t.test('read, add one in JavaScript, save: concurrent workers overwrite each other', async () => {
    const counter = await Counter.objects.create({ name: 'page' });
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const row = await Counter.objects.get({ pk: counter.pk });
        await pause(); // the gap between read and write, where another worker reads the same value
        await Counter.objects.filter({ pk: counter.pk }).update({ views: row.views + 1 });
      }),
    );
    const final = (await Counter.objects.get({ pk: counter.pk })).views;
    expect(final).toBeGreaterThanOrEqual(1);
    expect(final).toBeLessThan(WORKERS); // updates were lost
  });
}, { isolation: 'truncate' });
