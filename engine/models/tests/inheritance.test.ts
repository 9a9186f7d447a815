import { expect } from 'vitest';
import { BooleanField, CharField, createTables, dropTables, IntegerField, Model, Q, type Manager } from '../../index.ts';
import { assertNumQueries, describeDialects } from '../../testing/index.ts';

// Multi-table inheritance: every Restaurant is a Place; its own fields live in its own table.
class Place extends Model.define('mti', 'Place', {
  name: CharField({ maxLength: 50 }),
  address: CharField({ maxLength: 80, default: '' }),
}) {}

class Restaurant extends Place.define('mti', 'Restaurant', {
  servesPizza: BooleanField({ default: false }),
  seats: IntegerField({ default: 10 }),
}) {
  declare static objects: Manager<Restaurant>;
}

describeDialects('multi-table inheritance', (t) => {
  t.setup((db) => createTables(db, [Place, Restaurant]).then(() => undefined));
  t.teardown((db) => dropTables(db, [Restaurant, Place]));

  t.test('a child row is a parent row plus its own, linked by <parent>_ptr_id', async (db) => {
    const r = await Restaurant.objects.create({ name: 'Luigi', servesPizza: true });
    expect(typeof r.id).toBe('number');
    expect(r.pk).toBe(r.id);
    expect(Restaurant._meta.pk.column).toBe('place_ptr_id');
    expect(await Place.objects.count()).toBe(1);
    const back = await assertNumQueries(1, () => Restaurant.objects.get({ name: 'Luigi' }));
    expect([back.name, back.servesPizza, back.seats]).toEqual(['Luigi', true, 10]);
    expect(Restaurant.objects.filter({ name: 'Luigi' }).sql().sql).toMatch(/INNER JOIN .*mti_place.* ON \(.*place_ptr_id.* = .*id.*\)/);
    void db;
  });

  t.test('save() updates both tables; update() reaches the parent table; delete() removes both rows', async () => {
    const r = await Restaurant.objects.create({ name: 'Luigi' });
    await Place.objects.create({ name: 'Park' });
    r.name = 'Luigi II';
    r.seats = 20;
    await r.save();
    expect(await Restaurant.objects.filter({ name: 'Luigi II', seats: 20 }).count()).toBe(1);
    expect(await Restaurant.objects.filter({ seats: 20 }).update({ address: 'Main St', servesPizza: true })).toBe(1);
    expect((await Place.objects.get({ pk: r.pk })).address).toBe('Main St');
    expect(await Place.objects.filter(new Q({ restaurant__servesPizza: true })).count()).toBe(1);
    const [n, per] = await r.delete();
    expect([n, per]).toEqual([2, { 'mti.Restaurant': 1, 'mti.Place': 1 }]);
    expect(await Place.objects.valuesList('name', { flat: true })).toEqual(['Park']);
  });

  t.test('deleting the parent deletes the child', async () => {
    const r = await Restaurant.objects.create({ name: 'Luigi' });
    await (await Place.objects.get({ pk: r.pk })).delete();
    expect(await Restaurant.objects.count()).toBe(0);
  });
});
