// `npm run site`: build the static site from lessons/ and exercises/ into site/dist/site.
// `npm run site -- --serve` also serves it on localhost and rebuilds on every change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { style } from '../cli/output.ts';
import { startRun } from '../engine/testing/run.ts';
import { BuildError, buildSite } from './lib/builder.ts';
import { serveSite } from './lib/serve.ts';

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
const outDir = path.resolve(opts.out);

async function main(): Promise<number> {
  const run = await startRun();
  console.log(style.bold('Databases for this build'));
  for (const line of run.banner) console.log(`  ${line}`);
  const build = async (): Promise<boolean> => {
    try {
      const result = await buildSite({ root: repoRoot, outDir, run });
      console.log(
        `${style.green('built')} ${result.pages.length} pages, ${result.runnableBlocks} runnable block(s), in ${result.durationMs} ms → ` +
          path.relative(process.cwd(), path.join(outDir, 'index.html')),
      );
      return true;
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      console.error(`${style.red('error')}: ${err.message}`);
      return false;
    }
  };
  try {
    const ok = await build();
    if (!opts.serve) return ok ? 0 : 1;
    const server = await serveSite({
      outDir,
      port: Number(opts.port),
      watchPaths: ['lessons', 'exercises', 'site/assets'].map((p) => path.join(repoRoot, p)),
      rebuild: build,
      log: (line) => console.log(style.dim(line)),
    });
    console.log(`serving ${server.url} — pages reload when lessons, exercises or assets change (Ctrl-C stops)`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  } finally {
    await run.finish();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`${style.red('error')}: ${err.message}`);
    process.exit(1);
  },
);
