// The model of this exercise (you do not need to change it). Table: shop_order.
import { CharField, IntegerField, Manager, Model } from '../../../engine/index.ts';

export class Order extends Model.define('shop', 'Order', {
  customer: CharField({ maxLength: 60 }),
  totalCents: IntegerField(),
}) {
  declare static objects: Manager<Order>;
}
