import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { probeContainerRuntime, type RuntimeProbe } from '../container-runtime.ts';
import { resolveAll, ResolverError, type ResolverProbes, type StartedContainer } from '../resolver.ts';
import { RequiredDialectMissing, startRun } from '../run.ts';
import { readSettings, type WorkbookSettings } from '../settings.ts';
import { realProbes } from '../probes.ts';
import { ResolverError as RunResolverError } from '../resolver.ts';

// The choice between URL, container and server, with the probes replaced by stand-ins that
// record what was asked. (The real probes are exercised below and by every dialect test.)
function fakeProbes(runtime: RuntimeProbe['status'], answering: string[]) {
  const calls: string[] = [];
  const probes: ResolverProbes = {
    containerRuntime: async () => {
      calls.push('runtime');
      return { status: runtime, detail: runtime, elapsedMs: 1 };
    },
    startContainer: async (dialect, image): Promise<StartedContainer> => {
      calls.push(`start ${dialect} ${image}`);
      return { url: `${dialect}://container:1/x`, id: 'c0ffee', image, startMs: 5, stop: async () => void calls.push('stop') };
    },
    checkServer: async (url) => {
      calls.push(`check ${url}`);
      const ok = answering.some((prefix) => url.startsWith(prefix));
      return { ok, detail: ok ? 'Server 1.0' : 'connection refused' };
    },
  };
  return { probes, calls };
}

const settings = (env: Record<string, string> = {}): WorkbookSettings => readSettings({ WORKBOOK_DIALECTS: 'sqlite,postgres,mysql', ...env });

describe('resolver: where each database comes from', () => {
  test('a container engine that answers gets containers from the default images', async () => {
    const { probes, calls } = fakeProbes('present', ['postgres://container', 'mysql://container']);
    const result = await resolveAll(settings(), probes);
    expect(result.map((r) => (r.available ? r.foundBy : 'unavailable'))).toEqual(['embedded', 'container', 'container']);
    expect(calls.filter((c) => c === 'runtime')).toHaveLength(1); // probed once for both dialects
    expect(calls).toContain('start postgres postgres:16');
    expect(calls).toContain('start mysql mysql:8.4');
  });

  test('image names can be overridden', async () => {
    const { probes, calls } = fakeProbes('present', ['postgres://container', 'mysql://container']);
    await resolveAll(settings({ WORKBOOK_POSTGRES_IMAGE: 'my/pg:15', WORKBOOK_MYSQL_IMAGE: 'my/maria:10' }), probes);
    expect(calls).toContain('start postgres my/pg:15');
    expect(calls).toContain('start mysql my/maria:10');
  });

  test('an image that cannot be pulled falls back to the local server, and the note says how to build one', async () => {
    const { probes } = fakeProbes('present', ['postgres://postgres@127.0.0.1', 'mysql://root@127.0.0.1']);
    probes.startContainer = async () => {
      throw new Error('(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host');
    };
    const result = await resolveAll(settings(), probes);
    expect(result.map((r) => (r.available ? r.foundBy : 'unavailable'))).toEqual(['embedded', 'server', 'server']);
    expect(result[1]!.available && result[1]!.note).toMatch(/starting postgres:16 failed: .*no such host.*\(no registry\? `npm run images` builds local images; set WORKBOOK_POSTGRES_IMAGE to use them\)/);
  });

  for (const status of ['absent', 'hanging'] as const) {
    test(`a container engine that is ${status} falls back to the local servers`, async () => {
      const { probes, calls } = fakeProbes(status, ['postgres://postgres@127.0.0.1', 'mysql://root@127.0.0.1']);
      const result = await resolveAll(settings(), probes);
      expect(result.map((r) => (r.available ? r.foundBy : 'unavailable'))).toEqual(['embedded', 'server', 'server']);
      expect(calls.some((c) => c.startsWith('start'))).toBe(false);
      expect(result[1]!.available && result[1]!.note).toContain(`no container engine (${status})`);
    });
  }

  test('an explicit URL wins, and no engine is probed for it', async () => {
    const { probes, calls } = fakeProbes('present', ['postgres://me@db', 'mysql://container']);
    const result = await resolveAll(settings({ WORKBOOK_POSTGRES_URL: 'postgres://me@db:5432/x' }), probes);
    expect(result[1]).toMatchObject({ available: true, foundBy: 'url', url: 'postgres://me@db:5432/x' });
    expect(calls).not.toContain('start postgres postgres:16');
  });

  test('an explicit URL that does not answer makes the dialect unavailable, without falling back', async () => {
    const { probes } = fakeProbes('absent', ['postgres://postgres@127.0.0.1']);
    const result = await resolveAll(settings({ WORKBOOK_POSTGRES_URL: 'postgres://me@nowhere:1/x' }), probes);
    expect(result[1]).toMatchObject({ available: false });
    expect(!result[1]!.available && result[1]!.reason).toMatch(/WORKBOOK_POSTGRES_URL is set but its server did not answer/);
  });

  test('WORKBOOK_DB_SOURCE=servers never asks for a container engine', async () => {
    const { probes, calls } = fakeProbes('present', ['postgres://postgres@127.0.0.1', 'mysql://root@127.0.0.1']);
    await resolveAll(settings({ WORKBOOK_DB_SOURCE: 'servers' }), probes);
    expect(calls).not.toContain('runtime');
  });

  test('WORKBOOK_DB_SOURCE=containers without an engine fails at once and says what to do', async () => {
    const { probes } = fakeProbes('absent', ['postgres://postgres@127.0.0.1']);
    const error = await resolveAll(settings({ WORKBOOK_DB_SOURCE: 'containers' }), probes).catch((e) => e);
    expect(error).toBeInstanceOf(ResolverError);
    expect(error.message).toMatch(/no container engine answered/);
    expect(error.message).toMatch(/WORKBOOK_DB_SOURCE=servers/);
  });

  test('nothing anywhere: unavailable, with how to enable it', async () => {
    const { probes } = fakeProbes('absent', []);
    const [, pg] = await resolveAll(settings(), probes);
    expect(pg).toMatchObject({ available: false });
    expect(!pg!.available && pg!.howToEnable).toMatch(/WORKBOOK_POSTGRES_URL/);
  });

  test('bad settings are named with their choices', () => {
    expect(() => readSettings({ WORKBOOK_DB_SOURCE: 'cloud' })).toThrow(/use auto, containers or servers/);
    expect(() => readSettings({ WORKBOOK_REQUIRE: 'oracle' })).toThrow(/WORKBOOK_REQUIRE names "oracle"; choose from sqlite, postgres, mysql/);
  });
});

describe('a run', () => {
  const unreachable = { WORKBOOK_DB_SOURCE: 'servers', WORKBOOK_POSTGRES_URL: 'postgres://postgres@127.0.0.1:1/x', WORKBOOK_DIALECTS: 'sqlite,postgres' };

  test('skips an unreachable dialect with one line saying why and how', async () => {
    const run = await startRun(readSettings(unreachable));
    await run.finish();
    expect(run.targets.map((t) => t.dialect)).toEqual(['sqlite']);
    const line = run.banner.find((l) => l.startsWith('postgres'));
    expect(line).toMatch(/^postgres +skipped — WORKBOOK_POSTGRES_URL is set but its server did not answer: .*To run it: /);
  });

  test('fails when WORKBOOK_REQUIRE names the unreachable dialect', async () => {
    const error = await startRun(readSettings({ ...unreachable, WORKBOOK_REQUIRE: 'sqlite,postgres' })).catch((e) => e);
    expect(error).toBeInstanceOf(RequiredDialectMissing);
    expect(error.message).toMatch(/WORKBOOK_REQUIRE names postgres, but it is unavailable/);
  });
});

// These tests check deadlines, so they read the clock: bounds carry slack for a loaded CI
// machine, and the statuses (absent = an answer, hanging = the deadline) carry the meaning.
const LOAD_SLACK_MS = 2000;

// The real probe, in a child process with its own deadline, against endpoints we control.
describe('container engine probe', () => {
  let silent: Server;
  let silentPort = 0;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => void sockets.push(socket)); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  test('an endpoint that accepts and never answers is "hanging", reported at the deadline', async () => {
    const probe = await probeContainerRuntime(1500, { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${silentPort}` });
    expect(probe.status).toBe('hanging');
    expect(probe.elapsedMs).toBeGreaterThanOrEqual(1500); // it waited for the deadline...
    expect(probe.elapsedMs).toBeLessThan(1500 + LOAD_SLACK_MS); // ...and no longer
  });

  test('a closed port is "absent", well before the deadline', async () => {
    const port = await closedPort();
    const probe = await probeContainerRuntime(2500, { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${port}` });
    expect(probe.status).toBe('absent'); // an answer (refused), not the deadline
    expect(probe.elapsedMs).toBeLessThan(2500);
  });

  test('WORKBOOK_DB_SOURCE=containers with no engine fails at once, saying how to get one or use servers', async () => {
    const env = { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${await closedPort()}`, WORKBOOK_DB_SOURCE: 'containers', WORKBOOK_DIALECTS: 'sqlite,postgres' };
    const started = Date.now();
    const error = await startRun(readSettings(env), realProbes(env)).catch((e) => e);
    expect(error).toBeInstanceOf(RunResolverError);
    expect(error.message).toMatch(/no container engine answered/);
    expect(error.message).toMatch(/Start Docker.*or use WORKBOOK_DB_SOURCE=servers/);
    // No deadline was needed: the refusal came at once (the bound is loose for a busy machine).
    expect(Date.now() - started).toBeLessThan(2500 + LOAD_SLACK_MS);
  });

  test('WORKBOOK_DB_SOURCE=auto with an engine that never answers falls back to servers within 3 seconds', async () => {
    const env = { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${silentPort}`, WORKBOOK_DB_SOURCE: 'auto', WORKBOOK_DIALECTS: 'postgres' };
    const started = Date.now();
    const run = await startRun(readSettings(env), realProbes(env));
    await run.finish();
    // The probe's deadline is 2.5 s, then the local server answers; the bound is loose for a busy machine.
    expect(Date.now() - started).toBeLessThan(3000 + LOAD_SLACK_MS);
    expect(run.targets).toMatchObject([{ dialect: 'postgres', foundBy: 'server' }]);
    expect(run.banner[0]).toMatch(/did not answer within 2500 ms/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
