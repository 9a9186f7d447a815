// The model of this exercise (you do not need to change it). Table: depot_item.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Item extends Model.define('depot', 'Item', {
  name: CharField({ maxLength: 60 }),
  stock: IntegerField(),
  reorderAt: IntegerField(), // below this, order more
}) {
  declare static objects: Manager<Item>;
}
