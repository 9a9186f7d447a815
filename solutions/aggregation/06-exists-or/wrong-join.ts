// Known wrong: the same conditions through joins. A customer with two open complaints comes back twice.
// Fails on: all
import { Q } from '../../../engine/index.ts';
import { Customer } from '../../../exercises/aggregation/06-exists-or/models.ts';

export async function customersToCall(today: string): Promise<string[]> {
  const since = new Date(Date.parse(today) - 90 * 86_400_000).toISOString().slice(0, 10);
  return Customer.objects
    .filter(new Q({ complaints__resolved: false }).or(new Q({ orders__placedOn__gte: since }).not()))
    .orderBy('name')
    .valuesList('name', { flat: true });
}
