// Open a Database from a URL: pick the dialect, open its driver, ask the server who it is.
import { Database } from './database.ts';
import type { DriverOptions } from './dialect.ts';
import { dialects } from './dialects.ts';
import { wrapDriverError } from './errors.ts';
import { parseDatabaseUrl } from './url.ts';

export interface ConnectOptions extends DriverOptions {
  /** The name this database goes by (Django's DATABASES key). */
  alias?: string;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<Database> {
  const parsed = parseDatabaseUrl(url);
  const dialect = dialects[parsed.dialect];
  const driver = await dialect.openDriver(parsed, options);
  try {
    const server = await driver.serverInfo();
    return new Database(options.alias ?? 'default', dialect, parsed, driver, server, dialect.features(server));
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw wrapDriverError(err, dialect.mapError(err, parsed), undefined);
  }
}
