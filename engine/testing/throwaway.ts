// Each run works in databases of its own on a server, named wb_<run>_<n>, and drops them
// at the end; a run that was killed leaves names whose timestamp lets a later run sweep them.
import { randomBytes } from 'node:crypto';
import { connect } from '../db/connect.ts';
import type { Database } from '../db/database.ts';
import { parseDatabaseUrl, withDatabase } from '../db/url.ts';

const PREFIX = 'wb_';
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

/** A new run id: the time in base 36, so names sort and age can be read back. */
export function newRunId(): string {
  return `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
}

export function throwawayName(runId: string): string {
  return `${PREFIX}${runId}_${randomBytes(3).toString('hex')}`;
}

/** Create a database beside the admin URL's and return the URL that points at it. */
export async function createThrowawayDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, (admin) => admin.execute(serverAdmin(admin).createDatabaseSql!(admin.quoteName(name))));
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.execute(serverAdmin(admin).dropDatabaseSql!(admin.quoteName(name))));
}

/** Drop this run's databases, and any left by runs older than twelve hours. Returns the names. */
export async function dropRunDatabases(adminUrl: string, runId: string): Promise<string[]> {
  return withAdmin(adminUrl, async (admin) => {
    const names = await listThrowaways(admin);
    const doomed = names.filter((name) => name.startsWith(`${PREFIX}${runId}_`) || isStale(name));
    for (const name of doomed) await admin.execute(serverAdmin(admin).dropDatabaseSql!(admin.quoteName(name)));
    return doomed;
  });
}

export async function listThrowaways(admin: Database): Promise<string[]> {
  const rows = await admin.query<{ name?: string; NAME?: string }>(serverAdmin(admin).listThrowawaysSql!);
  return rows.map((row) => String(row.name ?? row.NAME));
}

/** Empty every table of a database (Django's flush, used by TransactionTestCase). */
export async function flushDatabase(db: Database): Promise<void> {
  const rows = await db.query<{ name?: string; NAME?: string }>(db.dialect.admin.listTablesSql);
  const tables = rows.map((row) => db.quoteName(String(row.name ?? row.NAME)));
  if (tables.length === 0) return;
  await db.atomic(async () => {
    for (const sql of db.dialect.admin.flushSql(tables)) await db.execute(sql);
  });
}

function isStale(name: string): boolean {
  const stamp = /^wb_([0-9a-z]+)_/.exec(name)?.[1];
  if (!stamp) return false;
  return Date.now() - parseInt(stamp, 36) > STALE_AFTER_MS;
}

function serverAdmin(admin: Database) {
  if (!admin.dialect.admin.createDatabaseSql) {
    throw new Error(`${admin.dialect.label} keeps each database in a file: there is no server to create one on.`);
  }
  return admin.dialect.admin;
}

async function withAdmin<T>(adminUrl: string, fn: (admin: Database) => Promise<T>): Promise<T> {
  parseDatabaseUrl(adminUrl); // a clear error for a bad URL before any connection
  const admin = await connect(adminUrl, { poolSize: 1 });
  try {
    return await fn(admin);
  } finally {
    await admin.close();
  }
}
