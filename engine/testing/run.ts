// One run of tests or grading: resolve every dialect once, say in a banner where each came
// from, fail if a required one is missing, and clean up (databases, containers) at the end.
import { connect } from '../db/connect.ts';
import type { DialectName } from '../db/url.ts';
import { startContainerReaper } from './container-reaper.ts';
import { realProbes } from './probes.ts';
import { resolveAll, type FoundBy, type Resolution, type ResolverProbes } from './resolver.ts';
import { readSettings, type WorkbookSettings } from './settings.ts';
import { dropRunDatabases, newRunId } from './throwaway.ts';

/** A dialect the run can use: plain data, so it crosses into test workers. */
export interface DialectTarget {
  dialect: DialectName;
  /** SQLite: sqlite::memory:. Servers: the admin URL throwaway databases are made beside. */
  url: string;
  foundBy: FoundBy;
  vendor: string;
  note: string;
}

export interface WorkbookRun {
  runId: string;
  targets: DialectTarget[];
  skipped: Array<{ dialect: DialectName; reason: string; howToEnable: string }>;
}

export interface StartedRun extends WorkbookRun {
  banner: string[];
  /** Drop this run's databases and stop its containers. Safe to call twice. */
  finish(): Promise<void>;
}

export class RequiredDialectMissing extends Error {}

export async function startRun(
  settings: WorkbookSettings = readSettings(),
  probes: ResolverProbes = realProbes(),
): Promise<StartedRun> {
  const runId = newRunId();
  const resolutions = await resolveAll(settings, probes);
  const targets: DialectTarget[] = [];
  const skipped: WorkbookRun['skipped'] = [];
  const containers = resolutions.flatMap((r) => (r.available && r.container ? [r.container] : []));
  startContainerReaper(containers.map((c) => c.id));
  for (const r of resolutions) {
    if (r.available) targets.push({ dialect: r.dialect, url: r.url, foundBy: r.foundBy, vendor: r.vendor, note: r.note });
    else skipped.push({ dialect: r.dialect, reason: r.reason, howToEnable: r.howToEnable });
  }
  const sqlite = targets.find((t) => t.dialect === 'sqlite');
  if (sqlite) sqlite.vendor = await sqliteVendor();

  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    for (const target of targets) {
      if (target.dialect !== 'sqlite') await dropRunDatabases(target.url, runId).catch(() => undefined);
    }
    await Promise.all(containers.map((c) => c.stop().catch(() => undefined)));
  };

  const missing = skipped.filter((s) => settings.required.includes(s.dialect));
  if (missing.length > 0) {
    await finish();
    throw new RequiredDialectMissing(
      missing
        .map((m) => `WORKBOOK_REQUIRE names ${m.dialect}, but it is unavailable: ${m.reason}. To get it: ${m.howToEnable}.`)
        .join('\n'),
    );
  }
  const banner = bannerLines(targets, skipped);
  if (containers.length > 0) {
    const slowest = Math.max(...containers.map((c) => c.startMs));
    banner.push(`${containers.length} container(s) ready in ${slowest} ms (started side by side)`);
  }
  return { runId, targets, skipped, banner, finish };
}

export function bannerLines(targets: DialectTarget[], skipped: WorkbookRun['skipped']): string[] {
  return [
    ...targets.map((t) => `${t.dialect.padEnd(8)} ${t.vendor} — ${t.note}`),
    ...skipped.map((s) => `${s.dialect.padEnd(8)} skipped — ${s.reason}. To run it: ${s.howToEnable}.`),
  ];
}

async function sqliteVendor(): Promise<string> {
  const db = await connect('sqlite::memory:');
  const vendor = db.vendor;
  await db.close();
  return vendor;
}

export type { Resolution };
