// Django's Q: conditions combined with AND / OR / NOT. JavaScript has no operator
// overloading, so `a & b`, `a | b` and `~a` are written `a.and(b)`, `a.or(b)`, `a.not()`.
// An empty Q() combines to the other side, so queries can be built up in a loop.
// A boolean expression (Exists, a comparison) is a condition too: `new Q(exists).or({ ... })`.
import { Expression } from './expressions.ts';

export type QChild = readonly [key: string, value: unknown] | Q | Expression;
/** What and()/or() accept: a Q, keyword conditions, or a boolean expression. */
export type QLike = Q | Record<string, unknown> | Expression;

export class Q {
  readonly children: QChild[];

  constructor(
    conditions: Record<string, unknown> | QChild[] | Expression = {},
    readonly connector: 'AND' | 'OR' = 'AND',
    readonly negated = false,
  ) {
    if (Array.isArray(conditions)) this.children = [...conditions];
    else if (conditions instanceof Expression) this.children = [conditions];
    else this.children = Object.entries(conditions);
  }

  static from(condition: QLike): Q {
    return condition instanceof Q ? condition : new Q(condition);
  }

  get isEmpty(): boolean {
    return this.children.length === 0;
  }

  and(other: QLike): Q {
    return this.combine(Q.from(other), 'AND');
  }

  or(other: QLike): Q {
    return this.combine(Q.from(other), 'OR');
  }

  not(): Q {
    return new Q([this], 'AND', true);
  }

  private combine(other: Q, connector: 'AND' | 'OR'): Q {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return new Q([this, other], connector);
  }

  toString(): string {
    const inner = this.children
      .map((c) => (c instanceof Q || c instanceof Expression ? String(c) : `${c[0]}=${JSON.stringify(c[1])}`))
      .join(` ${this.connector} `);
    return this.negated ? `NOT (${inner})` : `(${inner})`;
  }
}
