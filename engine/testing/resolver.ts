// Where each dialect's database comes from, in the order DESIGN.md gives:
// an explicit URL → a container (when an engine answers) → the usual local server → unavailable.
// The probes are passed in, so the choice itself is tested without touching a network.
import type { DialectName } from '../db/url.ts';
import type { RuntimeProbe } from './container-runtime.ts';
import {
  DEFAULT_SERVER_URLS,
  IMAGE_VARIABLES,
  URL_VARIABLES,
  type ServerDialect,
  type WorkbookSettings,
} from './settings.ts';

export type FoundBy = 'embedded' | 'url' | 'container' | 'server';

export interface StartedContainer {
  url: string;
  id: string;
  image: string;
  startMs: number;
  stop(): Promise<void>;
}

export interface ServerCheck {
  ok: boolean;
  /** 'PostgreSQL 15.20' when ok; the error's words when not. */
  detail: string;
}

export interface ResolverProbes {
  containerRuntime(): Promise<RuntimeProbe>;
  startContainer(dialect: ServerDialect, image: string): Promise<StartedContainer>;
  checkServer(url: string): Promise<ServerCheck>;
}

export type Resolution =
  | { dialect: DialectName; available: true; foundBy: FoundBy; url: string; vendor: string; note: string; container?: StartedContainer }
  | { dialect: DialectName; available: false; reason: string; howToEnable: string };

/** Thrown when the settings make a run impossible (forced containers with no engine). */
export class ResolverError extends Error {}

export async function resolveDialect(
  dialect: ServerDialect,
  settings: WorkbookSettings,
  probes: ResolverProbes,
  runtime: () => Promise<RuntimeProbe>,
): Promise<Resolution> {
  const explicit = settings.urls[dialect];
  if (explicit) {
    const check = await probes.checkServer(explicit);
    if (check.ok) return { dialect, available: true, foundBy: 'url', url: explicit, vendor: check.detail, note: `from ${URL_VARIABLES[dialect]}` };
    return {
      dialect,
      available: false,
      reason: `${URL_VARIABLES[dialect]} is set but its server did not answer: ${check.detail}`,
      howToEnable: `fix or unset ${URL_VARIABLES[dialect]}`,
    };
  }

  const notes: string[] = [];
  if (settings.source !== 'servers') {
    const probe = await runtime();
    if (probe.status === 'present') {
      const image = settings.images[dialect];
      try {
        const container = await probes.startContainer(dialect, image);
        const check = await probes.checkServer(container.url);
        if (check.ok) {
          return { dialect, available: true, foundBy: 'container', url: container.url, vendor: check.detail, note: `container ${container.id.slice(0, 12)} from ${image}, started in ${container.startMs} ms`, container };
        }
        await container.stop();
        notes.push(`the ${image} container started but did not answer: ${check.detail}`);
      } catch (err) {
        if (settings.source === 'containers') {
          throw new ResolverError(`Could not start ${image} for ${dialect}: ${(err as Error).message}. Check the image name (${IMAGE_VARIABLES[dialect]}), or build local images with \`npm run images\`.`);
        }
        // No registry (an offline machine, a closed network): say how to get images without one.
        const pull = /registry|pull access|manifest|no such host|lookup /i.test(String((err as Error)?.message ?? err));
        notes.push(`starting ${image} failed: ${firstLine(err)}` + (pull ? ` (no registry? \`npm run images\` builds local images; set ${IMAGE_VARIABLES[dialect]} to use them)` : ''));
      }
    } else if (settings.source === 'containers') {
      throw new ResolverError(
        `WORKBOOK_DB_SOURCE=containers, but no container engine answered (${probe.status}: ${probe.detail}). ` +
          `Start Docker (or Podman/Colima), or use WORKBOOK_DB_SOURCE=servers to use running servers.`,
      );
    } else {
      notes.push(`no container engine (${probe.detail})`);
    }
  }

  const local = DEFAULT_SERVER_URLS[dialect];
  const check = await probes.checkServer(local);
  if (check.ok) {
    return { dialect, available: true, foundBy: 'server', url: local, vendor: check.detail, note: [`local server ${hostOf(local)}`, ...notes].join('; ') };
  }
  notes.push(`nothing answered at ${hostOf(local)} (${check.detail})`);
  return {
    dialect,
    available: false,
    reason: notes.join('; '),
    howToEnable: `start a server at ${hostOf(local)}, set ${URL_VARIABLES[dialect]}, or start Docker`,
  };
}

/**
 * Resolve every wanted dialect, concurrently (two containers start side by side). The
 * container engine is probed once, and only if some dialect needs it.
 */
export async function resolveAll(settings: WorkbookSettings, probes: ResolverProbes): Promise<Resolution[]> {
  let runtime: Promise<RuntimeProbe> | undefined;
  const probeOnce = () => (runtime ??= probes.containerRuntime());
  const results = await Promise.allSettled(
    settings.wanted.map(async (dialect): Promise<Resolution> => {
      if (dialect === 'sqlite') {
        return { dialect, available: true, foundBy: 'embedded', url: 'sqlite::memory:', vendor: 'SQLite', note: 'embedded' };
      }
      return resolveDialect(dialect, settings, probes, probeOnce);
    }),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    // Stop whatever did start before reporting the failure.
    for (const r of results) if (r.status === 'fulfilled' && r.value.available) await r.value.container?.stop();
    throw failure.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<Resolution>).value);
}

function hostOf(url: string): string {
  return new URL(url).host;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!;
}
