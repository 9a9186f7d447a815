// `npm run site`: build the static site from lessons/ and exercises/ into site/dist/site.
// `npm run site -- --serve` also serves it on localhost and rebuilds on every change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { style } from '../cli/output.ts';
import { siteCommand } from './lib/site-command.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const program = new Command()
  .name('npm run site --')
  .description(
    'Build the site from lessons/ and exercises/: runs every `ts run` block and the dialect probes on each\n' +
      'database this machine offers (see `npx workbook dialects`), checks every link, writes static HTML.',
  )
  .option('--out <dir>', 'output folder (emptied on each build)', path.join(repoRoot, 'site', 'dist', 'site'))
  .option('--serve', 'serve the site on localhost and rebuild when lessons, exercises or assets change')
  .option('--port <number>', 'port for --serve', '4173')
  .showHelpAfterError()
  .parse();

const opts = program.opts<{ out: string; serve?: boolean; port: string }>();

siteCommand({ root: repoRoot, outDir: path.resolve(opts.out), serve: opts.serve, port: Number(opts.port) }).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`${style.red('error')}: ${err.message}`);
    process.exit(1);
  },
);
