// Meta.indexes and Meta.constraints, as in Django: Index (composite, descending with '-',
// named), UniqueConstraint (optionally conditional: a partial unique index where the
// database has them), and CheckConstraint. The schema editor turns them into DDL.
import type { Q } from '../query/q.ts';

export interface IndexSpec {
  kind: 'index';
  fields: string[];
  name?: string;
}

export interface UniqueConstraintSpec {
  kind: 'unique';
  fields: string[];
  name: string;
  condition?: Q;
}

export interface CheckConstraintSpec {
  kind: 'check';
  condition: Q;
  name: string;
}

export type ConstraintSpec = UniqueConstraintSpec | CheckConstraintSpec;

export function Index(options: { fields: string[]; name?: string }): IndexSpec {
  return { kind: 'index', ...options };
}

export function UniqueConstraint(options: { fields: string[]; name: string; condition?: Q }): UniqueConstraintSpec {
  return { kind: 'unique', ...options };
}

export function CheckConstraint(options: { condition: Q; name: string }): CheckConstraintSpec {
  return { kind: 'check', ...options };
}
