// Reference solution: exercises/models/04-abstract-and-proxy
import { CharField, DateTimeField, IntegerField, Manager, Model } from '../../../engine/index.ts';

/** Shared columns, no table of its own: abstract. */
export class Timestamped extends Model.define('desk', 'Timestamped', {
  createdAt: DateTimeField({ autoNowAdd: true }),
  updatedAt: DateTimeField({ autoNow: true }),
}, { abstract: true }) {}

export class Ticket extends Timestamped.define('desk', 'Ticket', {
  title: CharField({ maxLength: 120 }),
  status: CharField({ maxLength: 10, default: 'open' }),
  priority: IntegerField({ default: 1 }),
}) {
  declare static objects: Manager<Ticket>;
}

export class UrgentQueue extends Manager<UrgentTicket> {
  override getQueryset() {
    return super.getQueryset().filter({ status: 'open', priority__gte: 3 });
  }
}

/** The same table as Ticket, another view of it: proxy. */
export class UrgentTicket extends Ticket.define('desk', 'UrgentTicket', {}, { proxy: true, ordering: ['-priority', 'id'] }) {
  static override objects: UrgentQueue = new UrgentQueue(this);

  async escalate(): Promise<void> {
    this.priority = 5;
    await this.save({ updateFields: ['priority', 'updatedAt'] });
  }
}

export const models = [Ticket, UrgentTicket];
