// A watchdog for this run's containers. A run stops them itself at the end, but a run that is
// killed or interrupted (vitest exits on Ctrl-C before async cleanup can finish) cannot; and
// testcontainers' own reaper, Ryuk, is an image from a registry, not always reachable. So a
// small detached process waits for the run's process to end, then removes its containers.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './container-runtime.ts';

const REAPER_SCRIPT = `
const [parentPid, ...ids] = process.argv.slice(1);
const alive = () => { try { process.kill(Number(parentPid), 0); return true; } catch { return false; } };
const timer = setInterval(async () => {
  if (alive()) return;
  clearInterval(timer);
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    for (const id of ids) {
      const container = client.container.getById(id);
      try { await client.container.stop(container, { timeout: 0 }); } catch {}
      try { await client.container.remove(container, { removeVolumes: true }); } catch {}
    }
  } finally {
    process.exit(0);
  }
}, 500);
`;

/** Start the watchdog for `containerIds`; it outlives this process on purpose. */
export function startContainerReaper(containerIds: string[]): void {
  if (containerIds.length === 0) return;
  const child = spawn(process.execPath, ['--input-type=module', '-e', REAPER_SCRIPT, String(process.pid), ...containerIds], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: 'ignore',
    env: process.env,
  });
  child.unref();
}
