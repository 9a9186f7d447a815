// Reference solution: exercises/lookups/01-custom-lookup
import { IntegerFieldType, Lookup, type Sql } from '../../../engine/index.ts';
import type { Compiler } from '../../../engine/index.ts';

/** `bottles__divisibleby: 6` → the remainder of the column divided by the value is 0. */
export class DivisibleBy extends Lookup {
  static override lookupName = 'divisibleby';

  compile(c: Compiler): Sql {
    const [lhs, lhsParams] = this.processLhs(c);
    const [rhs, rhsParams] = this.processRhs(c); // the value becomes a bound parameter: "?"
    // `%` is the remainder operator on SQLite, PostgreSQL and MySQL alike (MOD() needs SQLite's math functions).
    return [`${lhs} % ${rhs} = 0`, [...lhsParams, ...rhsParams]];
  }
}

IntegerFieldType.registerLookup(DivisibleBy);
