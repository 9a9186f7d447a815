import { expect } from 'vitest';
import {
  BigIntegerField, BooleanField, CharField, createTables, DateField, DateTimeField, DecimalField, dropTables, EmailField,
  CharFieldType, Expression, Field, fieldFactory, Transform, FloatField, IntegrityError, JSONField, Lookup, Model, PositiveIntegerField, SlugField, UUIDField,
  uuid4, type Database, type FieldOptions, type Sql, type SqlValue,
} from '../../index.ts';
import type { Compiler } from '../../query/compiler.ts';
import { describeDialects } from '../../testing/index.ts';

// A custom field, as Django's from_db_value / get_prep_value: a list of tags stored as 'a,b,c',
// with its column type per dialect.
class CommaListFieldType extends Field<string[]> {
  kind = 'CommaListField';
  override dbType(db: Database): string {
    return db.dialect.name === 'postgres' ? 'text' : 'varchar(255)';
  }
  override toPython(value: unknown): string[] | null {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.includes(','))) {
      throw this.typeError(value, 'a list of strings without commas');
    }
    return value;
  }
  override toDb(value: string[] | null): SqlValue {
    return value === null ? null : value.join(',');
  }
  override fromDb(value: unknown): string[] | null {
    return value === null ? null : String(value).split(',').filter(Boolean);
  }
}
const CommaListField = fieldFactory<string[], FieldOptions<string[]>>(CommaListFieldType);

// A custom lookup, as Django's register_lookup: `name__ne`.
class NotEqual extends Lookup {
  static override lookupName = 'ne';
  compile(c: Compiler): Sql {
    const [lhs, lp] = this.processLhs(c);
    const [rhs, rp] = this.processRhs(c);
    return [`${lhs} <> ${rhs}`, [...lp, ...rp]];
  }
}
Field.registerLookup(NotEqual);
declare module '../../models/types.ts' {
  interface LookupNames {
    ne: true;
  }
}

class Item extends Model.define('kinds', 'Item', {
  code: UUIDField({ default: uuid4, unique: true }),
  name: CharField({ maxLength: 5 }),
  slug: SlugField({ null: true }),
  email: EmailField({ null: true, unique: true }),
  price: DecimalField({ maxDigits: 20, decimalPlaces: 2, default: '0.00' }),
  ratio: FloatField({ null: true }),
  big: BigIntegerField({ null: true }),
  stock: PositiveIntegerField({ default: 0 }),
  active: BooleanField({ default: true }),
  born: DateField({ null: true }),
  seen: DateTimeField({ null: true }),
  data: JSONField({ null: true }),
  tags: CommaListField({ null: true, dbColumn: 'tag_list' }),
}) {}

describeDialects('field types on each database', (t) => {
  t.setup((db) => createTables(db, [Item]).then(() => undefined));
  t.teardown((db) => dropTables(db, [Item]));

  t.test('values round-trip with their JS types', async () => {
    const seen = new Date('2024-02-29T12:34:56.789Z');
    const made = await Item.objects.create({
      name: 'abc', price: '12.50', ratio: 0.25, big: 2 ** 40, active: false, born: '1999-12-31', seen,
      data: { a: [1, 'two', null], b: { c: true } }, tags: ['x', 'y'],
    });
    const item = await Item.objects.get({ pk: made.pk });
    expect(item.code).toMatch(/^[0-9a-f-]{36}$/);
    expect(item.code).toBe(made.code);
    expect(item.price).toBe('12.50');
    expect(item.ratio).toBe(0.25);
    expect(item.big).toBe(2 ** 40);
    expect(item.active).toBe(false);
    expect(item.born).toBe('1999-12-31');
    expect(item.seen).toEqual(seen);
    expect(item.data).toEqual({ a: [1, 'two', null], b: { c: true } });
    expect(item.tags).toEqual(['x', 'y']);
    expect(await Item.objects.filter({ active: false, price__gte: '12.5', tags: ['x', 'y'] }).count()).toBe(1);
    expect(await Item.objects.filter({ name__ne: 'abc' }).count()).toBe(0);
    expect(await Item.objects.filter({ code: item.code.toUpperCase() }).count()).toBe(1);
  });

  t.test('decimals: exact on PostgreSQL and MySQL; SQLite stores a double (15 significant digits)', async (db) => {
    const item = await Item.objects.create({ name: 'd', price: '123456789012345678.91' });
    const back = (await Item.objects.get({ pk: item.pk })).price;
    if (db.dialect.name === 'sqlite') expect(back).not.toBe('123456789012345678.91');
    else expect(back).toBe('123456789012345678.91');
    const small = await Item.objects.create({ name: 'e', price: '0.10' });
    expect((await Item.objects.get({ pk: small.pk })).price).toBe('0.10');
  });

  t.test('a unique email: "A@x.com" and "a@x.com" are different rows except under MySQL’s case-insensitive collation', async (db) => {
    await Item.objects.create({ name: 'a', email: 'A@x.com' });
    const second = await Item.objects.create({ name: 'b', email: 'a@x.com' }).then(() => 'stored', (e) => e);
    if (db.features.hasCaseInsensitiveEquality) expect(second).toBeInstanceOf(IntegrityError);
    else expect(second).toBe('stored');
    expect(db.dialect.name === 'mysql').toBe(second instanceof IntegrityError);
  });

  t.test('a too-long value: refused by PostgreSQL and strict MySQL, stored whole by SQLite', async (db) => {
    const result = await Item.objects.create({ name: 'toolongname' }).then(
      async (i) => (await Item.objects.get({ pk: i.pk })).name,
      (e) => e.constructor.name,
    );
    expect(result).toBe(db.features.enforcesVarcharLength ? 'DataError' : 'toolongname');
    expect(db.features.enforcesVarcharLength).toBe(db.dialect.name !== 'sqlite');
  });

  t.test('PositiveIntegerField refuses negatives in the database', async () => {
    await expect(Item.objects.create({ name: 'n', stock: -1 })).rejects.toThrow();
  });

  t.test('wrong types are refused with the field named, before SQL', async (db) => {
    const before = db.queries.length;
    await expect(Item.objects.create({ name: 'x', active: 'yes' as never })).rejects.toThrow(/Field 'active' \(kinds.Item.active\) expected true or false/);
    await expect(Item.objects.create({ name: 'x', price: 1.5e40 as never })).rejects.toThrow(/expected a decimal string/);
    await expect(Item.objects.create({ name: 'x', born: '31/12/1999' })).rejects.toThrow(/expected a date as 'YYYY-MM-DD'/);
    await expect(Item.objects.create({ name: 'x', tags: ['a,b'] })).rejects.toThrow(/a list of strings without commas/);
    expect(db.queries.length).toBe(before);
  });
});

// A custom transform: `name__lower` and then any lookup after it.
class Lower extends Transform {
  static override lookupName = 'lower';
  constructor(lhs: Expression) {
    super(lhs);
    this.outputField = lhs.outputField;
  }
  compile(c: Compiler): Sql {
    const [sql, params] = this.lhs.compile(c);
    return [`LOWER(${sql})`, params];
  }
}
CharFieldType.registerLookup(Lower);
declare module '../../models/types.ts' {
  interface LookupNames {
    lower: true;
  }
}

describeDialects('custom transforms', (t) => {
  t.setup((db) => createTables(db, [Item]).then(() => undefined));
  t.teardown((db) => dropTables(db, [Item]));

  t.test('name__lower and name__lower__startswith', async () => {
    await Item.objects.create({ name: 'AbC' });
    expect(await Item.objects.filter({ name__lower: 'abc' }).count()).toBe(1);
    expect(await Item.objects.filter({ name__lower__startswith: 'ab' }).count()).toBe(1);
    expect(() => Item.objects.filter({ price__lower: 'x' } as never)).toThrow(/Unsupported lookup 'lower' for DecimalField 'price'/);
  });
});
