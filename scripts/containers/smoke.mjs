#!/usr/bin/env node
// Smoke test of the local images built by build-images.sh, through the same
// testcontainers modules the workbook uses (PostgreSqlContainer and
// MySqlContainer, unchanged). For each image: start it, run SELECT version()
// through `pg` / `mysql2`, run one query through the in-container client that
// testcontainers itself execs (psql / mysql), print container id, image,
// start time and server version, then stop it.
//
//   node scripts/containers/smoke.mjs            # both
//   node scripts/containers/smoke.mjs postgres   # or: mariadb
//
// Env: WORKBOOK_POSTGRES_IMAGE, WORKBOOK_MYSQL_IMAGE (same defaults as
// build-images.sh). Ryuk (the reaper) is disabled unless
// TESTCONTAINERS_RYUK_DISABLED is already set, since it needs a registry image;
// TESTCONTAINERS_HOST_OVERRIDE defaults to localhost (see below).

process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
// This machine has a /.dockerenv, so testcontainers believes it runs inside a
// container and, finding no gateway on the bridge network, tries to pull
// alpine:3.14 to look one up (fails without a registry, then falls back to
// localhost with an ERROR log line). The engine is local: say so directly.
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";

const PG_IMAGE = process.env.WORKBOOK_POSTGRES_IMAGE || "orm-workbook/postgres:15-debian";
const MY_IMAGE = process.env.WORKBOOK_MYSQL_IMAGE || "orm-workbook/mariadb:10.11-debian";

// Imported after the env var is set.
const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
const { MySqlContainer } = await import("@testcontainers/mysql");
const { default: pg } = await import("pg");
const mysql = await import("mysql2/promise");

const ms = (t0) => Math.round(performance.now() - t0);
const line = (label, fields) =>
  console.log(`[smoke] ${label.padEnd(8)} ` + Object.entries(fields).map(([k, v]) => `${k}=${v}`).join("  "));

async function smokePostgres() {
  let t0 = performance.now();
  const container = await new PostgreSqlContainer(PG_IMAGE).start();
  const startMs = ms(t0);
  try {
    t0 = performance.now();
    const client = new pg.Client({ connectionString: container.getConnectionUri() });
    await client.connect();
    let version;
    try {
      ({ rows: [{ version }] } = await client.query("SELECT version()"));
    } finally {
      await client.end();
    }
    const queryMs = ms(t0);
    // the same in-container psql call StartedPostgreSqlContainer.snapshot() relies on
    const psql = await container.exec(["psql", "-v", "ON_ERROR_STOP=1", "-U", container.getUsername(), "-d", "postgres", "-tAc", "SELECT 1"]);
    if (psql.exitCode !== 0 || psql.output.trim() !== "1") throw new Error(`in-container psql failed: ${psql.output}`);
    line("postgres", {
      container: container.getId().slice(0, 12),
      image: PG_IMAGE,
      port: container.getPort(),
      startMs,
      queryMs,
      version: JSON.stringify(version),
    });
  } finally {
    t0 = performance.now();
    await container.stop();
    line("postgres", { stoppedMs: ms(t0) });
  }
}

async function smokeMariadb() {
  let t0 = performance.now();
  const container = await new MySqlContainer(MY_IMAGE).start();
  const startMs = ms(t0);
  try {
    t0 = performance.now();
    const conn = await mysql.createConnection({
      host: container.getHost(),
      port: container.getPort(),
      user: container.getUsername(),
      password: container.getUserPassword(),
      database: container.getDatabase(),
    });
    let version;
    try {
      const [rows] = await conn.query("SELECT version() AS version");
      version = rows[0].version;
    } finally {
      await conn.end();
    }
    const queryMs = ms(t0);
    // StartedMySqlContainer.executeQuery() execs the `mysql` client inside the container
    const out = await container.executeQuery("SELECT 1 AS ok");
    if (!/ok\s+1/.test(out)) throw new Error(`executeQuery output unexpected: ${out}`);
    const rootOut = await container.executeQuery("SELECT current_user() AS who", [], true);
    if (!/root@/.test(rootOut)) throw new Error(`root executeQuery output unexpected: ${rootOut}`);
    line("mariadb", {
      container: container.getId().slice(0, 12),
      image: MY_IMAGE,
      port: container.getPort(),
      startMs,
      queryMs,
      version: JSON.stringify(version),
    });
  } finally {
    t0 = performance.now();
    await container.stop();
    line("mariadb", { stoppedMs: ms(t0) });
  }
}

const which = process.argv.slice(2);
const runs = [
  ["postgres", smokePostgres],
  ["mariadb", smokeMariadb],
].filter(([name]) => which.length === 0 || which.includes(name) || (name === "mariadb" && which.includes("mysql")));

let failed = 0;
for (const [name, fn] of runs) {
  try {
    await fn();
  } catch (err) {
    failed++;
    console.error(`[smoke] ${name} FAILED: ${err?.stack ?? err}`);
  }
}
console.log(failed ? `[smoke] ${failed} of ${runs.length} FAILED` : `[smoke] all ${runs.length} passed`);
process.exit(failed ? 1 : 0);
