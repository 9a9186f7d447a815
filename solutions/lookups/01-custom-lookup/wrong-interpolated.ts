// Known wrong: right rows, but the value is written into the SQL text instead of travelling as a parameter.
// Fails on: all
import { IntegerFieldType, Lookup, type Sql } from '../../../engine/index.ts';
import type { Compiler } from '../../../engine/index.ts';

export class DivisibleBy extends Lookup {
  static override lookupName = 'divisibleby';

  compile(c: Compiler): Sql {
    const [lhs, lhsParams] = this.processLhs(c);
    return [`${lhs} % ${Number(this.rhs)} = 0`, [...lhsParams]];
  }
}

IntegerFieldType.registerLookup(DivisibleBy);
