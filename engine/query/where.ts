// The WHERE tree: AND / OR nodes over lookups, with NOT. A child that can match nothing
// (`in: []`) raises EmptyResultSet; AND gives up, OR drops that child, NOT turns it into
// "everything" — Django's rules, so `filter({ id__in: [] })` sends no query at all.
import { EmptyResultSet } from '../models/errors.ts';
import type { Compiler } from './compiler.ts';
import type { Sql } from './expressions.ts';

export interface WhereChild {
  compile(c: Compiler): Sql;
}


export class WhereNode implements WhereChild {
  constructor(
    readonly children: WhereChild[] = [],
    readonly connector: 'AND' | 'OR' = 'AND',
    readonly negated = false,
  ) {}

  get isEmpty(): boolean {
    return this.children.length === 0;
  }

  /** '' when the node matches every row. */
  compile(c: Compiler): Sql {
    const parts: string[] = [];
    const params: Sql[1] = [];
    let emptyChildren = 0;
    let fullChildren = 0;
    for (const child of this.children) {
      try {
        const [sql, p] = child.compile(c);
        if (sql === '') fullChildren++;
        else {
          parts.push(sql);
          params.push(...p);
        }
      } catch (err) {
        if (!(err instanceof EmptyResultSet)) throw err;
        emptyChildren++;
      }
      if (this.connector === 'AND' && emptyChildren > 0) return this.settle('empty');
      if (this.connector === 'OR' && fullChildren > 0) return this.settle('full');
    }
    if (this.connector === 'OR' && emptyChildren > 0 && parts.length === 0) return this.settle('empty');
    if (parts.length === 0) return this.settle('full');
    const joined = parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(` ${this.connector} `);
    return this.negated ? [`NOT (${joined})`, params] : [joined, params];
  }

  private settle(kind: 'empty' | 'full'): Sql {
    const matchesNothing = (kind === 'empty') !== this.negated;
    if (matchesNothing) throw new EmptyResultSet();
    return ['', []];
  }
}

