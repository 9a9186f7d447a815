// Who to call: EXISTS inside an OR — see README.md. Run: npx workbook grade aggregation/06-exists-or
import { Exists, OuterRef } from '../../../engine/index.ts';
import { Complaint, Customer, Order } from '../../../exercises/aggregation/06-exists-or/models.ts';

export async function customersToCall(today: string): Promise<string[]> {
  const since = new Date(Date.parse(today) - 90 * 86_400_000).toISOString().slice(0, 10);
  const openComplaint = new Exists(Complaint.objects.filter({ customer: OuterRef('pk'), resolved: false }));
  const recentOrder = new Exists(Order.objects.filter({ customer: OuterRef('pk'), placedOn__gte: since }));
  // Each EXISTS stops at the first matching row, and a customer is one row whatever matched.
  return Customer.objects.filter(openComplaint.or(recentOrder.not())).orderBy('name').valuesList('name', { flat: true });
}
