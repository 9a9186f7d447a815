// Graders for README.md. They import your ./exercise.ts (through models.ts).
import { expect } from 'vitest';
import { createTables, ValidationError } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import type { Rgb } from './exercise.ts';
import { Swatch } from './models.ts';

interface Case { swatches: Array<{ name: string; color: Rgb }>; invalid: Rgb }

const hex = (c: Rgb) => '#' + [c.r, c.g, c.b].map((x) => x.toString(16).padStart(2, '0')).join('');

const sets = dataSets<Case>(
  { swatches: [{ name: 'teal', color: { r: 0, g: 128, b: 128 } }, { name: 'white', color: { r: 255, g: 255, b: 255 } }], invalid: { r: 300, g: 0, b: 0 } },
  (random) => ({
    swatches: Array.from({ length: 5 }, (_, i) => ({ name: `${random.word(5)}${i}`, color: { r: random.int(0, 255), g: random.int(0, 15), b: random.int(0, 255) } })),
    invalid: { r: random.int(0, 255), g: -random.int(1, 9), b: random.int(0, 255) },
  }),
);

gradeOnDialects('models/03-custom-field', (t) => {
  t.setup((db) => createTables(db, [Swatch]));

  for (const { label, data } of sets) {
    t.test(`stores '#rrggbb' and reads { r, g, b } back; filter by colour (${label})`, async (db) => {
      for (const s of data.swatches) await Swatch.objects.create(s);
      const raw = await db.query<{ name: string; color: string }>('SELECT name, color FROM paint_swatch ORDER BY name');
      const sorted = [...data.swatches].sort((a, b) => (a.name < b.name ? -1 : 1));
      expect(raw.map((r) => [r.name, String(r.color).trim()]), 'raw column values').toEqual(sorted.map((s) => [s.name, hex(s.color)]));
      const back = await Swatch.objects.orderBy('name');
      expect(back.map((s) => s.color), 'colours read back through the model').toEqual(sorted.map((s) => s.color));
      const target = data.swatches[1]!;
      expect((await Swatch.objects.filter({ color: target.color })).map((s) => s.name), `filter({ color: ${JSON.stringify(target.color)} })`).toEqual([target.name]);
    });

    t.test(`fullClean refuses an out-of-range colour, on the color field (${label})`, async () => {
      const bad = new Swatch({ name: 'bad', color: data.invalid });
      let error: unknown;
      try {
        await bad.fullClean();
      } catch (err) {
        error = err;
      }
      expect(error, `fullClean() of ${JSON.stringify(data.invalid)}`).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).messageDict), 'fields named in the errors').toEqual(['color']);
    });
  }
});
