// "Does not compile" includes type errors: tsx strips types and would run a file that the
// type checker rejects. This checks the learner's files with the project's tsconfig, and
// keeps the last program so a re-grade in watch mode only re-checks what changed.
import path from 'node:path';
import type ts from 'typescript';
import type { ExerciseOutcome } from './results.ts';

export interface TypeProblem {
  /** file:line:column, relative to the project root. */
  where: string;
  message: string;
}

export class TypeChecker {
  private program: ts.Program | undefined;
  private options: ts.CompilerOptions | undefined;

  constructor(private readonly root: string) {}

  /** Type errors in each of `files` (relative paths); files without any are left out. */
  async check(files: string[]): Promise<Map<string, TypeProblem[]>> {
    const ts = (await import('typescript')).default;
    const options = (this.options ??= this.readOptions(ts));
    const absolute = files.map((f) => path.join(this.root, f));
    this.program = ts.createProgram({ rootNames: absolute, options, oldProgram: this.program });
    const problems = new Map<string, TypeProblem[]>();
    for (const [index, file] of absolute.entries()) {
      const source = this.program.getSourceFile(file);
      if (!source) continue;
      const diagnostics = [...this.program.getSyntacticDiagnostics(source), ...this.program.getSemanticDiagnostics(source)];
      if (diagnostics.length === 0) continue;
      problems.set(files[index]!, diagnostics.map((d) => describe(ts, d, this.root)));
    }
    return problems;
  }

  private readOptions(tsModule: typeof ts): ts.CompilerOptions {
    const configFile = path.join(this.root, 'tsconfig.json');
    const { config } = tsModule.readConfigFile(configFile, tsModule.sys.readFile);
    return tsModule.parseJsonConfigFileContent(config, tsModule.sys, this.root).options;
  }
}

function describe(tsModule: typeof ts, d: ts.Diagnostic, root: string): TypeProblem {
  const message = tsModule.flattenDiagnosticMessageText(d.messageText, ' ');
  if (!d.file || d.start === undefined) return { where: '', message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { where: `${path.relative(root, d.file.fileName)}:${line + 1}:${character + 1}`, message };
}

/** A file that does not type-check does not compile: its exercise is an error on every database. */
export function withTypeProblems(outcome: ExerciseOutcome, problems: TypeProblem[] | undefined): ExerciseOutcome {
  if (!problems?.length) return outcome;
  const [first] = problems;
  const message =
    `${outcome.path} does not compile: ${problems.length} error(s). First, at ${first!.where}: ${first!.message}` +
    ` (run \`npm run typecheck\` to see them all)`;
  return {
    ...outcome,
    status: 'error',
    dialects: outcome.dialects.map((d) => ({ ...d, status: 'error', message, sql: null })),
  };
}
