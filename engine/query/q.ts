// Django's Q: conditions combined with AND / OR / NOT. JavaScript has no operator
// overloading, so `a & b`, `a | b` and `~a` are written `a.and(b)`, `a.or(b)`, `a.not()`.
// An empty Q() combines to the other side, so queries can be built up in a loop.

export type QChild = readonly [key: string, value: unknown] | Q;

export class Q {
  readonly children: QChild[];

  constructor(
    conditions: Record<string, unknown> | QChild[] = {},
    readonly connector: 'AND' | 'OR' = 'AND',
    readonly negated = false,
  ) {
    this.children = Array.isArray(conditions) ? [...conditions] : Object.entries(conditions);
  }

  get isEmpty(): boolean {
    return this.children.length === 0;
  }

  and(other: Q): Q {
    return this.combine(other, 'AND');
  }

  or(other: Q): Q {
    return this.combine(other, 'OR');
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
      .map((c) => (c instanceof Q ? c.toString() : `${c[0]}=${JSON.stringify(c[1])}`))
      .join(` ${this.connector} `);
    return this.negated ? `NOT (${inner})` : `(${inner})`;
  }
}
