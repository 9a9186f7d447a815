// What the type checker knows about models. These assertions are checked by `tsc` (npm test
// runs it first); `@ts-expect-error` lines fail the type check if the error goes away.
import { describe, expectTypeOf, test } from 'vitest';
import { CharField, ForeignKey, IntegerField, Model, PROTECT, Q, type Manager, type QuerySet } from '../../index.ts';
import { Author, Post } from './blog.ts';

class City extends Model.define('types', 'City', {
  name: CharField({ maxLength: 50 }),
  nickname: CharField({ maxLength: 50, null: true }),
  population: IntegerField({ default: 0 }),
}) {}

class Street extends Model.define('types', 'Street', {
  code: CharField({ maxLength: 10, primaryKey: true }),
  city: ForeignKey(() => City, { onDelete: PROTECT }),
  mayorCity: ForeignKey(() => City, { onDelete: PROTECT, null: true }),
}) {}

/** Code that is only type-checked: the calls would need a database. */
function typeOnly(_fn: () => void): void {}

describe('model types', () => {
  test('instances have one typed attribute per field', () => {
    const city = new City({ name: 'Oslo' });
    expectTypeOf(city.name).toEqualTypeOf<string>();
    expectTypeOf(city.nickname).toEqualTypeOf<string | null>();
    expectTypeOf(city.population).toEqualTypeOf<number>();
    expectTypeOf(city.id).toEqualTypeOf<number>();
    expectTypeOf(city.pk).toEqualTypeOf<number>();
    const street = new Street({ code: 'A1', city });
    expectTypeOf(street.pk).toEqualTypeOf<string>();
    expectTypeOf(street.city).toEqualTypeOf<City>();
    expectTypeOf(street.cityId).toEqualTypeOf<number>();
    expectTypeOf(street.mayorCity).toEqualTypeOf<City | null>();
    expectTypeOf(street.mayorCityId).toEqualTypeOf<number | null>();
  });

  test('create() requires exactly the fields with no default that are not nullable', () => {
    type Input = Parameters<typeof City.objects.create>[0];
    expectTypeOf<Input>().toMatchTypeOf<{ name: string }>();
    expectTypeOf<{ name: 'x' }>().toMatchTypeOf<Input>();
    typeOnly(() => {    // @ts-expect-error name is required
    void City.objects.create({ population: 3 });
    // @ts-expect-error nickname is a string or null
    void City.objects.create({ name: 'x', nickname: 3 });
    // @ts-expect-error no such field
    void City.objects.create({ name: 'x', mayor: 'y' });
    });
  });

  test('custom getters and managers keep their types', () => {
    expectTypeOf(Author.objects).toEqualTypeOf<Manager<Author>>();
    expectTypeOf<Awaited<ReturnType<typeof Author.objects.get>>['display']>().toEqualTypeOf<string>();
    expectTypeOf(Post.objects.filter({ published: true })).toEqualTypeOf<QuerySet<Post>>();
  });

  test('filter keys: own fields, lookups, relations; typos are caught', () => {
    typeOnly(() => {
    void City.objects.filter({ name: 'x', name__icontains: 'o', population__gte: 3, nickname__isnull: true });
    void Post.objects.filter({ author__name__icontains: 'ann', authorId: 1, tags__name: 'x' });
    void Author.objects.filter({ posts__title__startswith: 'x' }); // a declared reverse relation
    void Author.objects.filter(new Q({ anything__goes: 1 })); // Q: checked at run time
    // @ts-expect-error typo in a field name
    void City.objects.filter({ nme: 'x' });
    // @ts-expect-error typo one relation away
    void Post.objects.filter({ author__nme: 'x' });
    // @ts-expect-error typo through a declared reverse relation
    void Author.objects.filter({ posts__titel: 'x' });
    void Post.objects.filter({ author__posts__title__icontains: 'x', author__in: [1, 2], tags__in: [1] });
    // @ts-expect-error unknown lookup
    void City.objects.filter({ name__near: 'x' });
    // @ts-expect-error the value of a plain field key is typed
    void City.objects.filter({ population: 'many' });
    // @ts-expect-error orderBy names are typed too
    void City.objects.orderBy('-nmae');
    void Post.objects.orderBy('-author__name', 'title', 'author__posts__title', '?');
    // @ts-expect-error ... one relation hop deep
    void Post.objects.orderBy('author__nmae');
    });
  });
});
