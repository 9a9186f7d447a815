// Abstract and proxy models — see README.md. Run: npx workbook grade models/04-abstract-and-proxy
import { CharField, DateTimeField, IntegerField, Manager, Model } from '../../../engine/index.ts';

// TODO: shared columns only — this model should have no table of its own.
export class Timestamped extends Model.define('desk', 'Timestamped', {
  createdAt: DateTimeField({ autoNowAdd: true }),
  updatedAt: DateTimeField({ autoNow: true }),
}) {}

export class Ticket extends Timestamped.define('desk', 'Ticket', {
  title: CharField({ maxLength: 120 }),
  status: CharField({ maxLength: 10, default: 'open' }),
  priority: IntegerField({ default: 1 }),
}) {
  declare static objects: Manager<Ticket>;
}

export class UrgentQueue extends Manager<UrgentTicket> {
  // TODO: only open tickets with priority 3 or more.
}

// TODO: the same table as Ticket (no table of its own), ordered by priority (highest first), then id.
export class UrgentTicket extends Ticket.define('desk', 'UrgentTicket', {}) {
  static override objects: UrgentQueue = new UrgentQueue(this);

  async escalate(): Promise<void> {
    // TODO: priority 5, saved.
  }
}

export const models = [Ticket, UrgentTicket];
