// The model of this exercise (you do not need to change it). Table: stockroom_product.
import { CharField, DecimalField, Manager, Model } from '../../../engine/index.ts';

export class Product extends Model.define('stockroom', 'Product', {
  sku: CharField({ maxLength: 20, unique: true }),
  name: CharField({ maxLength: 80 }),
  price: DecimalField({ maxDigits: 10, decimalPlaces: 2 }),
}) {
  declare static objects: Manager<Product>;
}
