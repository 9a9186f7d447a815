// Known wrong: the "low" case comes first, and 0 is below every reorder level: out-of-stock items are labelled "low".
// Fails on: all
import { Case, F, Value, When } from '../../../engine/index.ts';
import { Item } from '../../../exercises/aggregation/05-case-when/models.ts';

export type Status = 'out' | 'low' | 'ok';

export async function stockReport(): Promise<Array<{ name: string; status: Status }>> {
  const status = new Case(
    new When({ stock__lt: F('reorderAt') }, new Value('low')),
    new When({ stock: 0 }, new Value('out')),
    { default: new Value('ok') },
  );
  const urgency = new Case(new When({ stock__lt: F('reorderAt') }, new Value(1)), new When({ stock: 0 }, new Value(0)), { default: new Value(2) });
  const rows = await Item.objects.annotate({ status, urgency }).orderBy('urgency', 'name', 'id').values('name', 'status');
  return rows.map((r) => ({ name: String(r.name), status: r.status as Status }));
}
