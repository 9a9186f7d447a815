// Runnable examples: a ```ts run block in a lesson is TypeScript run as the body of an async
// function with `db` (this dialect's Database) and `show(value)` in scope. Imports at the top
// of a block are resolved against the lesson's folder. The block's statements are taken from
// the query log, so what a page shows is what the database was sent.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { connections } from '../../engine/db/connections.ts';
import type { Database } from '../../engine/db/database.ts';
import type { LoggedQuery } from '../../engine/db/query-log.ts';

export interface RunnableBlock {
  /** lessons/10-dialects.md */
  source: string;
  /** Line of the opening fence (1-based). */
  line: number;
  code: string;
  hidden: boolean;
  /** Errors are an outcome to show, not a broken build. */
  mayFail: boolean;
}

export interface BlockOutcome {
  queries: Array<{ sql: string; params: string; kind: LoggedQuery['kind']; error?: string }>;
  shown: string[];
  /** The error the block raised (name: message), when it raised one. */
  error?: string;
  /** Line in the lesson where the error was raised, when it could be told. */
  errorLine?: number;
  /** The block was still running after BLOCK_TIMEOUT_MS; later blocks were not run. */
  timedOut?: boolean;
}

export const RUN_FLAGS = ['hidden', 'may-fail'] as const;

/** Parse a fence info string: undefined when it is not a runnable block. Throws on unknown flags. */
export function parseRunInfo(info: string, where: string): { hidden: boolean; mayFail: boolean } | undefined {
  const [lang, run, ...flags] = info.trim().split(/\s+/);
  if (!lang || !['ts', 'typescript'].includes(lang) || run !== 'run') return undefined;
  for (const flag of flags) {
    if (!(RUN_FLAGS as readonly string[]).includes(flag)) {
      throw new RunnableError(`${where}: unknown flag "${flag}" on a \`ts run\` block. Known flags: ${RUN_FLAGS.join(', ')}.`);
    }
  }
  return { hidden: flags.includes('hidden'), mayFail: flags.includes('may-fail') };
}

export class RunnableError extends Error {}

export type BlockFunction = (db: Database, show: (value: unknown) => void, load: (spec: string) => Promise<unknown>) => Promise<void>;

// The function body starts two lines into the generated source (V8 adds a header line).
const HEADER_LINES = 2;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => BlockFunction;

/** Compile a block once; compile errors name the lesson's file and line. */
export function compileBlock(block: RunnableBlock): BlockFunction {
  const out = ts.transpileModule(block.code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
    fileName: 'block.ts',
  });
  const problem = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (problem) {
    const at = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start).line : 0;
    throw new RunnableError(
      `${block.source}:${block.line + 1 + at}: this \`ts run\` block does not compile: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`,
    );
  }
  const js = rewriteImports(out.outputText);
  try {
    return new AsyncFunction('db', 'show', '__load', js);
  } catch (err) {
    throw new RunnableError(`${block.source}:${block.line}: this \`ts run\` block does not parse: ${(err as Error).message}`);
  }
}

/** Compile every block; errors are collected, one per block, rather than stopping at the first. */
export function compileAll(blocks: RunnableBlock[]): { fns: BlockFunction[]; errors: string[] } {
  const fns: BlockFunction[] = [];
  const errors: string[] = [];
  for (const block of blocks) {
    try {
      fns.push(compileBlock(block));
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  return { fns, errors };
}

// `import { a, b as c } from './x.ts'` → `const { a, b: c } = await __load('./x.ts')`, keeping
// one output line per input line so error lines still point into the lesson.
function rewriteImports(js: string): string {
  return js
    .split('\n')
    .map((line) => {
      if (/^export\s*\{\s*\};?\s*$/.test(line)) return '';
      const m = /^import\s+(?:(.+?)\s+from\s+)?(['"])(.+?)\2;?\s*$/.exec(line);
      if (!m) return line;
      const [, clause, , spec] = m as unknown as [string, string | undefined, string, string];
      const load = `await __load(${JSON.stringify(spec)})`;
      if (!clause) return `${load};`;
      const ns = /^\*\s+as\s+([\w$]+)$/.exec(clause);
      if (ns) return `const ${ns[1]} = ${load};`;
      const named = /^(?:([\w$]+)\s*,\s*)?\{(.*)\}$/.exec(clause);
      if (named) {
        const parts = named[2]!.split(',').map((p) => p.trim()).filter(Boolean).map((p) => p.replace(/\s+as\s+/, ': '));
        if (named[1]) parts.unshift(`default: ${named[1]}`);
        return `const { ${parts.join(', ')} } = ${load};`;
      }
      return `const { default: ${clause} } = ${load};`;
    })
    .join('\n');
}

/** Run one compiled block on `db`; never throws: the outcome records the error. */
/** A block that never finishes (a lock wait, a promise never settled) must not hang the build. */
export const BLOCK_TIMEOUT_MS = 15_000;

export class BlockTimeout extends Error {
  constructor(ms: number) {
    super(`the block did not finish within ${ms / 1000} s (waiting for a lock? a promise that never settles?)`);
    this.name = 'BlockTimeout';
  }
}

export async function runBlock(
  block: RunnableBlock,
  fn: BlockFunction,
  db: Database,
  root: string,
  timeoutMs = BLOCK_TIMEOUT_MS,
): Promise<BlockOutcome> {
  const shown: string[] = [];
  const show = (value: unknown) => void shown.push(formatValue(value));
  const base = path.dirname(path.join(root, block.source));
  const load = (spec: string) => import(spec.startsWith('.') ? pathToFileURL(path.resolve(base, spec)).href : spec);
  let error: unknown;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BlockTimeout(timeoutMs)), timeoutMs);
  });
  const { queries } = await db.log.capture(async () => {
    try {
      await Promise.race([connections.run(db, () => fn(db, show, load)), timeout]);
    } catch (err) {
      error = err;
    } finally {
      clearTimeout(timer);
    }
  });
  const outcome: BlockOutcome = { queries: queries.map(describeQuery), shown };
  if (error instanceof BlockTimeout) outcome.timedOut = true;
  if (error !== undefined) {
    outcome.error = `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}`;
    const line = errorLineIn(error, block);
    if (line) outcome.errorLine = line;
  }
  return outcome;
}

function describeQuery(q: LoggedQuery): BlockOutcome['queries'][number] {
  const described: BlockOutcome['queries'][number] = { sql: q.sql, params: q.params.length ? formatValue(q.params, false) : '', kind: q.kind };
  if (q.error) described.error = q.error;
  return described;
}

function errorLineIn(error: unknown, block: RunnableBlock): number | undefined {
  const stack = String((error as Error)?.stack ?? '');
  const m = /<anonymous>:(\d+):\d+/.exec(stack);
  if (!m) return undefined;
  const inBlock = Number(m[1]) - HEADER_LINES;
  return inBlock >= 1 && inBlock <= block.code.split('\n').length ? block.line + inBlock : undefined;
}

/** A value as a learner would read it: JSON, one row per line for lists of rows. */
export function formatValue(value: unknown, pretty = true): string {
  if (typeof value === 'string') return pretty ? value : JSON.stringify(value);
  const json = (v: unknown) => JSON.stringify(v, jsonSafe) ?? String(v);
  if (pretty && Array.isArray(value) && value.length > 1 && value.every((v) => v !== null && typeof v === 'object')) {
    return `[\n${value.map((v) => `  ${json(v)}`).join(',\n')}\n]`;
  }
  return json(value);
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === undefined) return null;
  return value;
}
