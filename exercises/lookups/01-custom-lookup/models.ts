// The model of this exercise (you do not need to change it). Table: crates_crate.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Crate extends Model.define('crates', 'Crate', {
  label: CharField({ maxLength: 40 }),
  bottles: IntegerField(),
}) {
  declare static objects: Manager<Crate>;
}
