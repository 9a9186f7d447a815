// The model of this exercise, using your ColorField (you do not need to change it). Table: paint_swatch.
import { CharField, Manager, Model } from '../../../engine/index.ts';
import { ColorField } from './exercise.ts';

export class Swatch extends Model.define('paint', 'Swatch', {
  name: CharField({ maxLength: 40 }),
  color: ColorField(),
}) {
  declare static objects: Manager<Swatch>;
}
