// Reference solution: exercises/aggregation/05-case-when
import { Case, F, Value, When } from '../../../engine/index.ts';
import { Item } from '../../../exercises/aggregation/05-case-when/models.ts';

export type Status = 'out' | 'low' | 'ok';

export async function stockReport(): Promise<Array<{ name: string; status: Status }>> {
  // The first matching When wins, as in SQL's CASE; the same expression labels and orders.
  const status = new Case(
    new When({ stock: 0 }, new Value('out')),
    new When({ stock__lt: F('reorderAt') }, new Value('low')),
    { default: new Value('ok') },
  );
  const urgency = new Case(new When({ stock: 0 }, new Value(0)), new When({ stock__lt: F('reorderAt') }, new Value(1)), { default: new Value(2) });
  const rows = await Item.objects.annotate({ status, urgency }).orderBy('urgency', 'name', 'id').values('name', 'status');
  return rows.map((r) => ({ name: String(r.name), status: r.status as Status }));
}
