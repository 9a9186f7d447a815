// The real probes behind the resolver: a container engine, containers, and servers.
import { connect } from '../db/connect.ts';
import { probeContainerRuntime } from './container-runtime.ts';
import { startContainer } from './containers.ts';
import type { ResolverProbes, ServerCheck } from './resolver.ts';

export async function checkServer(url: string): Promise<ServerCheck> {
  try {
    const db = await connect(url, { poolSize: 1, connectTimeoutMs: 3000 });
    const vendor = db.vendor;
    await db.close();
    return { ok: true, detail: vendor };
  } catch (err) {
    return { ok: false, detail: String((err as Error).message ?? err).split('. ')[0]! };
  }
}

/** The real probes; `env` decides where a container engine is looked for (DOCKER_HOST...). */
export function realProbes(env: NodeJS.ProcessEnv = process.env): ResolverProbes {
  return {
    containerRuntime: () => probeContainerRuntime(undefined, env),
    startContainer,
    checkServer,
  };
}
