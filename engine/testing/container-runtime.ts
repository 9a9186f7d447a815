// Is a container engine there? testcontainers answers fast when nothing listens, but waits
// forever on an endpoint that accepts and never replies, so the probe runs in a child
// process that is killed at our own deadline.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The child resolves 'testcontainers' from the project, wherever the caller's cwd is.
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RuntimeStatus = 'present' | 'absent' | 'hanging';

export interface RuntimeProbe {
  status: RuntimeStatus;
  detail: string;
  elapsedMs: number;
}

export const DEFAULT_PROBE_DEADLINE_MS = 2500;

const CHILD_SCRIPT = `
import('testcontainers').then(async ({ getContainerRuntimeClient }) => {
  try {
    const client = await getContainerRuntimeClient();
    const info = client.info.containerRuntime;
    process.stdout.write(JSON.stringify({ ok: true, detail: info.host + ' (' + (info.serverVersion ?? 'unknown version') + ')' }));
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, detail: String(err && err.message || err).split('\\n')[0] }));
  }
  process.exit(0);
});
`;

/** Places where an engine's socket or settings usually are; with none, no probe is needed. */
function runtimeHints(env: NodeJS.ProcessEnv): string[] {
  const home = homedir();
  const runtimeDir = env.XDG_RUNTIME_DIR;
  const candidates = [
    '/var/run/docker.sock',
    join(home, '.docker/run/docker.sock'),
    join(home, '.docker/desktop/docker.sock'),
    join(home, '.colima/default/docker.sock'),
    join(home, '.rd/docker.sock'),
    join(home, '.testcontainers.properties'),
    ...(runtimeDir ? [join(runtimeDir, 'docker.sock'), join(runtimeDir, 'podman/podman.sock')] : []),
  ];
  const found = candidates.filter((path) => existsSync(path));
  if (env.DOCKER_HOST) found.unshift(`DOCKER_HOST=${env.DOCKER_HOST}`);
  return found;
}

export async function probeContainerRuntime(
  deadlineMs = DEFAULT_PROBE_DEADLINE_MS,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RuntimeProbe> {
  const started = Date.now();
  const hints = runtimeHints(env);
  if (hints.length === 0) {
    return { status: 'absent', detail: 'no Docker socket, DOCKER_HOST or ~/.testcontainers.properties found', elapsedMs: 0 };
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
      env,
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    const finish = (probe: Omit<RuntimeProbe, 'elapsedMs'>) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ ...probe, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(
      () => finish({ status: 'hanging', detail: `${hints[0]} did not answer within ${deadlineMs} ms` }),
      deadlineMs,
    );
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', () => {
      try {
        const answer = JSON.parse(output) as { ok: boolean; detail: string };
        finish({ status: answer.ok ? 'present' : 'absent', detail: answer.detail });
      } catch {
        finish({ status: 'absent', detail: 'the probe ended without an answer' });
      }
    });
  });
}
