// Build the site (and optionally serve it), as `npm run site` and `npx workbook site` both do.
// Returns the exit code: 0 built (or served until Ctrl-C), 1 the build failed.
import path from 'node:path';
import { style } from '../../cli/output.ts';
import { startRun } from '../../engine/testing/run.ts';
import { BuildError, buildSite } from './builder.ts';
import { serveSite } from './serve.ts';

export interface SiteOptions {
  root: string;
  outDir: string;
  serve?: boolean;
  port?: number;
}

export async function siteCommand({ root, outDir, serve, port = 4173 }: SiteOptions): Promise<number> {
  const run = await startRun();
  console.log(style.bold('Databases for this build'));
  for (const line of run.banner) console.log(`  ${line}`);
  const build = async (): Promise<boolean> => {
    try {
      const result = await buildSite({ root, outDir, run });
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
    if (!serve) return ok ? 0 : 1;
    const server = await serveSite({
      outDir,
      port,
      watchPaths: ['lessons', 'exercises', 'site/assets'].map((p) => path.join(root, p)),
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
