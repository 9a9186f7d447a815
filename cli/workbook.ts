// The `workbook` command. `npm start` runs it with no arguments: progress and the next exercise.
// Exit codes scripts can trust: 0 all passed, 1 failures, 2 a usage error.
import { Command, CommanderError } from 'commander';
import { discover } from '../engine/testing/discover.ts';
import path from 'node:path';
import { ROOT, UsageError } from './grading/catalog.ts';
import { gradeCommand } from './commands/grade.ts';
import { hintCommand } from './commands/hint.ts';
import { listCommand } from './commands/list.ts';
import { resetCommand } from './commands/reset.ts';
import { solutionCommand } from './commands/solution.ts';
import { statusCommand } from './commands/status.ts';
import { watchCommand } from './commands/watch.ts';
import { mark, style } from './output.ts';

let exitCode = 0;
const done = (code: number) => {
  exitCode = code;
};

const program = new Command()
  .name('workbook')
  .description('Learn and test the ideas behind Django’s data layer on SQLite, PostgreSQL and MySQL/MariaDB.')
  .showHelpAfterError()
  .exitOverride();

program
  .command('status', { isDefault: true })
  .description('progress per topic and dialect, and the next exercise (the default)')
  .argument('[command]', 'hidden: catches an unknown command name')
  .action(async (unknown?: string) => {
    if (unknown) throw new UsageError(`unknown command "${unknown}". Commands: ${program.commands.map((c) => c.name()).join(', ')} (npx workbook --help).`);
    done(await statusCommand());
  });

program
  .command('list')
  .description('every exercise, in order, with its state')
  .option('--json', 'print the list as JSON')
  .action(async (options) => done(await listCommand(options)));

program
  .command('grade')
  .description('grade an exercise, a topic, or everything (no argument) on every database found')
  .argument('[exercise|topic]', 'e.g. transactions/01-atomic-transfer, 01-atomic-transfer, or transactions')
  .option('--db <dialects>', 'sqlite,postgres,mysql or all; named dialects must be available')
  .option('--json', 'print results as JSON (format: README.md, "Grading results as JSON")')
  .option('--junit <file>', 'also write JUnit XML to this file, for CI')
  .option('--timeout <seconds>', 'stop the whole run after this long', '120')
  .option('-v, --verbose', 'list every check, not only the first failure')
  .addOption(hidden('--subject <kind>', 'grade exercise | solution | starter | wrong:N instead of your files (project checks)'))
  .action(async (target, options) => done(await gradeCommand(target, options)));

program
  .command('watch')
  .description('re-grade the current exercise on every save (keys: Enter check, h hint, n next, q quit)')
  .argument('[exercise]', 'default: the next exercise not solved')
  .option('--db <dialects>', 'sqlite,postgres,mysql or all')
  .option('--manual', 'do not watch files: grade when you press Enter')
  .option('--poll', 'watch by polling (network drives, some containers and VMs)')
  .option('--timeout <seconds>', 'stop a run after this long', '60')
  .action(async (target, options) => done(await watchCommand(target, options)));

program
  .command('hint')
  .description('the next hint for an exercise (remembered)')
  .argument('<exercise>')
  .option('--again', 'show the hints already seen again')
  .action((target, options) => done(hintCommand(target, options)));

program
  .command('reset')
  .description('put the starter back (asks first; your version is kept in .workbook/backups/)')
  .argument('<exercise>')
  .option('-y, --yes', 'do not ask')
  .action(async (target, options) => done(await resetCommand(target, options)));

program
  .command('solution')
  .description('show the reference solution once your answer passes')
  .argument('<exercise>')
  .option('--force', 'show it even if the exercise has not passed')
  .action((target, options) => done(solutionCommand(target, options)));

program
  .command('dialects')
  .description('where each database comes from, and how to point the workbook at your own')
  .action(async () => {
    const { dialects, runtime } = await discover();
    console.log(style.bold('Databases'));
    for (const d of dialects) {
      console.log(`  ${d.found ? mark.ok() : mark.absent()} ${d.dialect.padEnd(11)}${d.found ? d.detail : style.dim(d.detail)}`);
    }
    console.log(`  ${runtime.status === 'present' ? mark.ok() : mark.absent()} ${'containers'.padEnd(11)}${runtime.status}: ${runtime.detail}`);
    console.log('');
    console.log('Order of search per server dialect: WORKBOOK_POSTGRES_URL / WORKBOOK_MYSQL_URL, then a');
    console.log('container (when a container engine answers; WORKBOOK_DB_SOURCE=auto|containers|servers),');
    console.log('then the usual local address (127.0.0.1:5432 as postgres, 127.0.0.1:3306 as root).');
  });

program
  .command('site')
  .description('build the lessons into a static site (site/dist/site), running their examples on every database found')
  .option('--serve', 'serve it on localhost and rebuild when lessons, exercises or assets change')
  .option('--port <number>', 'port for --serve', '4173')
  .option('--out <dir>', 'output folder (emptied on each build)')
  .action(async (options: { serve?: boolean; port: string; out?: string }) => {
    const { siteCommand } = await import('../site/lib/site-command.ts');
    const outDir = path.resolve(options.out ?? path.join(ROOT, 'site', 'dist', 'site'));
    done(await siteCommand({ root: ROOT, outDir, serve: options.serve, port: Number(options.port) }));
  });

function hidden(flags: string, description: string) {
  return new (program.createOption(flags, description).constructor as typeof import('commander').Option)(flags, description).hideHelp();
}

program.parseAsync().then(
  () => process.exit(exitCode),
  (err: unknown) => {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2); // help/version: 0; bad usage: 2
    if (err instanceof UsageError) {
      console.error(`${style.red('error')}: ${err.message}`);
      process.exit(2);
    }
    console.error(`${style.red('error')}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
