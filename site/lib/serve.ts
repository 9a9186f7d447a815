// `npm run site -- --serve`: serve the built folder on localhost and rebuild on every change
// to lessons/, exercises/ or the site's assets; open pages reload themselves (server-sent events).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { watch } from 'chokidar';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const RELOAD_SCRIPT = `<script>new EventSource('/__reload').onmessage = function () { location.reload(); };</script>`;

export interface ServeOptions {
  outDir: string;
  port: number;
  watchPaths: string[];
  rebuild(): Promise<boolean>;
  log(line: string): void;
}

export async function serveSite(options: ServeOptions): Promise<{ url: string; reloadClients(): number; close(): Promise<void> }> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__reload') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let file = path.join(options.outDir, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(options.outDir))) return void res.writeHead(403).end('Forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url.pathname}`);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      import('node:fs').then(({ readFileSync }) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(readFileSync(file, 'utf8').replace('</body>', `${RELOAD_SCRIPT}</body>`));
      });
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();
  const watcher = watch(options.watchPaths, { ignoreInitial: true });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher.on('all', (_event, changed) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(async () => {
        options.log(`changed: ${path.relative(process.cwd(), changed)} — rebuilding…`);
        if (await options.rebuild()) for (const client of clients) client.write('data: reload\n\n');
      });
    }, 200);
  });

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    /** Pages listening for reloads right now. */
    reloadClients: () => clients.size,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
