// The models of this exercise (you do not need to change them). Tables: crm_customer, crm_order, crm_complaint.
import { BooleanField, CASCADE, CharField, DateField, ForeignKey, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Customer extends Model.define('crm', 'Customer', {
  name: CharField({ maxLength: 60, unique: true }),
}) {
  declare static objects: Manager<Customer>;
  declare orders: RelatedManager<Order>;
  declare complaints: RelatedManager<Complaint>;
}

export class Order extends Model.define('crm', 'Order', {
  customer: ForeignKey(() => Customer, { onDelete: CASCADE, relatedName: 'orders' }),
  placedOn: DateField(),
}) {
  declare static objects: Manager<Order>;
}

export class Complaint extends Model.define('crm', 'Complaint', {
  customer: ForeignKey(() => Customer, { onDelete: CASCADE, relatedName: 'complaints' }),
  resolved: BooleanField({ default: false }),
}) {
  declare static objects: Manager<Complaint>;
}

export const models = [Customer, Order, Complaint];
