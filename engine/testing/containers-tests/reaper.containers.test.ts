// Runs in the container suite only (vitest.containers.config.ts): it needs a container engine.
import { spawn } from 'node:child_process';
import { getContainerRuntimeClient } from 'testcontainers';
import { expect, test } from 'vitest';

const gone = async (id: string): Promise<boolean> => {
  const client = await getContainerRuntimeClient();
  try {
    await client.container.inspect(client.container.getById(id));
    return false;
  } catch {
    return true;
  }
};

test('a run killed with SIGKILL leaves no container behind', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/testing/containers-tests/start-and-hang.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const id = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.on('exit', (code) => reject(new Error(`the child ended (${code}) before starting its container`)));
  });
  expect(await gone(id)).toBe(false); // it is running
  child.kill('SIGKILL');
  const started = Date.now();
  while (!(await gone(id)) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 250));
  expect(await gone(id)).toBe(true);
}, 60_000);
