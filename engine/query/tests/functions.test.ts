import { expect } from 'vitest';
import {
  CharField, createTables, DateField, DateTimeField, DecimalField, dropTables, F, FieldError, FloatField, IntegerField, Model, Value,
} from '../../index.ts';
import {
  Abs, Cast, Ceil, Coalesce, Concat, ExtractDay, ExtractMonth, ExtractYear, Floor, Greatest, Least, Length, Lower, Mod, Now, NullIf,
  Power, Replace, Round, Substr, Trim, TruncDate, TruncMonth, TruncYear, Upper,
} from '../functions/index.ts';
import { describeDialects } from '../../testing/index.ts';

class Person extends Model.define('functions', 'Person', {
  name: CharField({ maxLength: 50 }),
  nickname: CharField({ maxLength: 50, null: true }),
  label: CharField({ maxLength: 100, default: '' }),
  n: IntegerField({ default: 0 }),
  maybe: IntegerField({ null: true }),
  ratio: FloatField({ default: 0 }),
  price: DecimalField({ maxDigits: 8, decimalPlaces: 3, default: '0' }),
  born: DateField({ null: true }),
  seenAt: DateTimeField({ null: true }),
}) {}

const models = [Person];

async function one(): Promise<Person> {
  return Person.objects.create({ name: '  Zoé Ann  ', nickname: null, n: -7, ratio: 2.5, price: '2.675', born: '1990-07-15', seenAt: new Date('2024-03-17T13:45:30Z') });
}
const reload = (p: Person) => Person.objects.get({ pk: p.pk });

describeDialects('database functions', (t) => {
  t.setup((db) => createTables(db, models).then(() => undefined));
  t.teardown((db) => dropTables(db, models));

  t.test('text: Upper, Lower, Trim, Replace, Substr, Length (characters, not bytes)', async (db) => {
    const p = await one();
    await Person.objects.filter({ pk: p.pk }).update({ label: Upper(Trim('name')) });
    // SQLite's UPPER and LOWER change ASCII letters only (without the ICU extension).
    expect((await reload(p)).label).toBe(db.dialect.name === 'sqlite' ? 'ZOé ANN' : 'ZOÉ ANN');
    await Person.objects.filter({ pk: p.pk }).update({ label: Lower(Replace(Trim('name'), new Value(' '), new Value('-'))) });
    expect((await reload(p)).label).toBe('zoé-ann');
    await Person.objects.filter({ pk: p.pk }).update({ label: Substr(Trim('name'), 1, 3) });
    expect((await reload(p)).label).toBe('Zoé');
    await Person.objects.filter({ pk: p.pk }).update({ n: Length(Trim('name')) });
    expect((await reload(p)).n).toBe(7); // MySQL's LENGTH would say 8: 'é' is two bytes
    expect(await Person.objects.filter({ n: Length('label') }).count()).toBe(0);
    expect(await Person.objects.filter({ n: Length(new Value('1234567')) }).count()).toBe(1);
  });

  t.test('Concat treats NULL as an empty string on every database', async (db) => {
    const p = await one();
    await Person.objects.filter({ pk: p.pk }).update({ label: Concat(Trim('name'), new Value(' / '), 'nickname', new Value('!')) });
    expect((await reload(p)).label).toBe('Zoé Ann / !');
    const sql = Person.objects.filter({ pk: p.pk }).values('label').sql().sql;
    expect(sql).toContain('SELECT');
    // The spelling that makes this true differs: || with COALESCE, CONCAT(text...), CONCAT_WS('').
    const spelled = { sqlite: "COALESCE", postgres: 'CONCAT(CAST', mysql: "CONCAT_WS(''" }[db.dialect.name];
    expect(db.queries.map((q) => q.sql).findLast((s) => s.startsWith('UPDATE'))).toContain(spelled);
  });

  t.test('Coalesce and NullIf', async () => {
    const p = await one();
    await Person.objects.filter({ pk: p.pk }).update({ label: Coalesce('nickname', Trim('name')) });
    expect((await reload(p)).label).toBe('Zoé Ann');
    await Person.objects.filter({ pk: p.pk }).update({ maybe: NullIf('n', new Value(-7)) });
    expect((await reload(p)).maybe).toBeNull();
    expect(() => Coalesce('name')).toThrow(FieldError);
  });

  t.test('Greatest and Least: PostgreSQL skips NULL, SQLite and MySQL/MariaDB return NULL', async (db) => {
    const p = await one(); // n = -7, maybe = NULL
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Greatest('n', new Value(3)) });
    expect((await reload(p)).maybe).toBe(3);
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Least('n', new Value(3)) });
    expect((await reload(p)).maybe).toBe(-7);
    await Person.objects.filter({ pk: p.pk }).update({ maybe: null });
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Greatest('n', 'maybe') });
    expect((await reload(p)).maybe).toBe(db.dialect.name === 'postgres' ? -7 : null);
  });

  t.test('Cast: a float to integer truncates on SQLite, rounds half to even on PostgreSQL and MariaDB', async (db) => {
    const p = await one(); // ratio = 2.5, n = -7
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Cast('ratio', IntegerField()) });
    expect((await reload(p)).maybe).toBe(2);
    await Person.objects.filter({ pk: p.pk }).update({ ratio: 3.5 });
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Cast('ratio', IntegerField()) });
    expect((await reload(p)).maybe).toBe({ sqlite: 3, postgres: 4, mysql: 4 }[db.dialect.name]);
    await Person.objects.filter({ pk: p.pk }).update({ label: Cast('n', CharField({ maxLength: 10 })) });
    expect((await reload(p)).label).toBe('-7');
  });

  t.test('math: Abs, Ceil, Floor, Mod, Power, Round', async (db) => {
    const p = await one(); // n = -7, ratio = 2.5, price = 2.675
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Abs('n') });
    expect((await reload(p)).maybe).toBe(7);
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Ceil('ratio') });
    expect((await reload(p)).maybe).toBe(3);
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Floor('ratio') });
    expect((await reload(p)).maybe).toBe(2);
    // The sign follows the dividend, as in C. (Two bare parameters would leave PostgreSQL
    // unable to choose between MOD's overloads: give it a column or a typed expression.)
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Mod('n', new Value(5)) });
    expect((await reload(p)).maybe).toBe(-2);
    await Person.objects.filter({ pk: p.pk }).update({ ratio: Power('ratio', new Value(2)) });
    expect((await reload(p)).ratio).toBe(6.25);
    // A decimal rounds half away from zero, 2.675 → 2.68, where decimals are exact. SQLite
    // keeps DECIMAL as a float (2.67499999...), so it rounds down.
    await Person.objects.filter({ pk: p.pk }).update({ price: Round('price', 2) });
    expect((await reload(p)).price).toBe(db.dialect.name === 'sqlite' ? '2.670' : '2.680');
    // Rounding a float without places: 2.5 is exactly representable, and the databases disagree.
    await Person.objects.filter({ pk: p.pk }).update({ ratio: 2.5 });
    await Person.objects.filter({ pk: p.pk }).update({ maybe: Round('ratio') });
    // SQLite rounds half away from zero; PostgreSQL and MariaDB round a float half to even.
    expect((await reload(p)).maybe).toBe({ sqlite: 3, postgres: 2, mysql: 2 }[db.dialect.name]);
  });

  t.test('dates: TruncMonth/TruncYear keep the input’s kind, Extract gives integers, TruncDate', async () => {
    const p = await one(); // born 1990-07-15, seenAt 2024-03-17T13:45:30Z
    await Person.objects.filter({ pk: p.pk }).update({ born: TruncMonth('born'), seenAt: TruncYear('seenAt') });
    let row = await reload(p);
    expect(row.born).toBe('1990-07-01');
    expect(row.seenAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    await Person.objects.filter({ pk: p.pk }).update({ seenAt: new Date('2024-03-17T13:45:30Z') });
    await Person.objects.filter({ pk: p.pk }).update({ born: TruncDate('seenAt'), seenAt: TruncMonth('seenAt') });
    row = await reload(p);
    expect(row.born).toBe('2024-03-17');
    expect(row.seenAt?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    await Person.objects.filter({ pk: p.pk }).update({ n: ExtractYear('born'), maybe: ExtractMonth('born') });
    row = await reload(p);
    expect([row.n, row.maybe]).toEqual([2024, 3]);
    expect(await Person.objects.filter({ maybe: ExtractDay('born').sub(14) }).count()).toBe(1);
  });

  t.test('Now is the database’s clock, stored in UTC', async () => {
    const p = await one();
    const before = Date.now();
    await Person.objects.filter({ pk: p.pk }).update({ seenAt: Now() });
    const seen = (await reload(p)).seenAt!.getTime();
    expect(Math.abs(seen - before)).toBeLessThan(60_000);
  });

  t.test('arguments: strings name fields, F works too, and a wrong name is a FieldError', async () => {
    const p = await one();
    await Person.objects.filter({ pk: p.pk }).update({ nickname: Lower(F('label')) });
    expect((await reload(p)).nickname).toBe('');
    await expect(Person.objects.update({ label: Upper('nmae') })).rejects.toThrow(/Cannot resolve keyword 'nmae' into field/);
  });
});
