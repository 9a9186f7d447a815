// A quick look at what this machine offers, without starting anything: for `npm start`
// and `workbook dialects`. (A test run resolves for real, containers included: run.ts.)
import { probeContainerRuntime, type RuntimeProbe } from './container-runtime.ts';
import { checkServer } from './probes.ts';
import { DEFAULT_SERVER_URLS, readSettings, SERVER_DIALECTS, URL_VARIABLES, type ServerDialect } from './settings.ts';
import { connect } from '../db/connect.ts';

export interface DiscoveredDialect {
  dialect: 'sqlite' | ServerDialect;
  found: boolean;
  detail: string;
}

export async function discover(env: NodeJS.ProcessEnv = process.env): Promise<{ dialects: DiscoveredDialect[]; runtime: RuntimeProbe }> {
  const settings = readSettings(env);
  const sqlite = await connect('sqlite::memory:');
  const dialects: DiscoveredDialect[] = [{ dialect: 'sqlite', found: true, detail: `${sqlite.vendor}, embedded` }];
  await sqlite.close();
  const [runtime, ...checks] = await Promise.all([
    settings.source === 'servers'
      ? Promise.resolve<RuntimeProbe>({ status: 'absent', detail: 'not asked (WORKBOOK_DB_SOURCE=servers)', elapsedMs: 0 })
      : probeContainerRuntime(),
    ...SERVER_DIALECTS.map(async (dialect) => {
      const url = settings.urls[dialect] ?? DEFAULT_SERVER_URLS[dialect];
      const check = await checkServer(url);
      const where = settings.urls[dialect] ? URL_VARIABLES[dialect] : new URL(url).host;
      return { dialect, found: check.ok, detail: check.ok ? `${check.detail} at ${where}` : `not at ${where}: ${check.detail}` };
    }),
  ]);
  return { dialects: [...dialects, ...checks], runtime };
}
