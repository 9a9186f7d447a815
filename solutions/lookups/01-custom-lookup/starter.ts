// A lookup of your own — see README.md. Run: npx workbook grade lookups/01-custom-lookup
import { IntegerFieldType, Lookup, type Sql } from '../../../engine/index.ts';
import type { Compiler } from '../../../engine/index.ts';

export class DivisibleBy extends Lookup {
  static override lookupName = 'divisibleby';

  compile(c: Compiler): Sql {
    const [lhs, lhsParams] = this.processLhs(c);
    // TODO: the SQL for "lhs is divisible by the value", with the value as a bound parameter
    //       (this.processRhs(c) gives ['?', [value]]).
    return [`${lhs} = ${lhs}`, [...lhsParams]];
  }
}

IntegerFieldType.registerLookup(DivisibleBy);
