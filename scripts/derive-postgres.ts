// Derives the PostgreSQL migrations (prisma/postgresql/migrations) from the SQLite ones
// (prisma/migrations), mechanically, one for one and under the same names:
//   npx tsx scripts/derive-postgres.ts          derive what is missing, then verify
//   npx tsx scripts/derive-postgres.ts --check  verify only (what the test does)
// For SQLite migration N: apply migrations 1..N to a scratch SQLite file, introspect it
// (`prisma db pull`, WebAssembly engine), give the result PostgreSQL's provider, and let
// `prisma migrate diff` write the SQL from state N-1 to state N. Verifying applies every
// PostgreSQL migration to an empty database with the app's own runner, introspects it and
// diffs it against the PostgreSQL twin of prisma/schema.prisma: empty, or it fails. The
// SQLite migrations are checked against prisma/schema.prisma the same way.
// Run it after adding or merging SQLite migrations. A SQLite migration that sorts before
// an already-derived one (merged from a parallel branch) re-derives from that point on:
// fine before the first production deploy on PostgreSQL, after that give it a later name.
// Data statements (UPDATE, DELETE, INSERT outside SQLite's table rebuilds) are not derived:
// the script names them, and they must be written into the PostgreSQL migration by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, prisma, SQLITE_SCHEMA, writePostgresSchema } from '../src/prisma-offline';
import { migratePostgres, readMigrations } from '../src/postgres-migrate';
import { ensurePostgres, postgresUrl } from './postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQLITE_MIGRATIONS = path.join(root, 'prisma', 'migrations');
const HEADER = (name: string) =>
  `-- DERIVED from prisma/migrations/${name}/migration.sql by scripts/derive-postgres.ts; do not edit.\n`;

const SQLITE_HEADER = 'generator client {\n  provider   = "prisma-client"\n  output     = "./unused"\n  engineType = "client"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./unused.sqlite"\n}\n';
const POSTGRES_HEADER = SQLITE_HEADER.replace('"sqlite"', '"postgresql"').replace('"file:./unused.sqlite"', '"postgresql://localhost/unused"');

/** The models of a printed schema, without its generator and datasource blocks. */
function modelsOf(printed: string): string {
  return printed.replace(/^(generator|datasource)\s+\w+\s*\{[^}]*\}\s*/gm, '').trim() + '\n';
}

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return postgresUrl(name);
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
}

/** The introspected models of the database at `url` (SQLite or PostgreSQL). */
async function pull(url: string, work: string): Promise<string> {
  const schema = path.join(work, `pull-${Date.now()}.prisma`);
  fs.writeFileSync(schema, url.startsWith('file:') ? SQLITE_HEADER : POSTGRES_HEADER);
  // Without --print the CLI rewrites the file (its stdout also carries warnings).
  await prisma(url, 'db', 'pull', '--schema', schema);
  return modelsOf(fs.readFileSync(schema, 'utf8'));
}

/** The SQL from `from` (null: empty) to `to`, both PostgreSQL schema files. */
async function diffSql(pgUrl: string, from: string | null, to: string): Promise<string> {
  const source = from ? ['--from-schema-datamodel', from] : ['--from-empty'];
  // To a file: the CLI's stdout also carries its own messages.
  const out = `${to}.sql`;
  await prisma(pgUrl, 'migrate', 'diff', ...source, '--to-schema-datamodel', to, '--script', '-o', out);
  return fs.readFileSync(out, 'utf8');
}

/** Empty when `from` and `to` (schema files of one provider) describe the same tables. */
async function summaryDiff(url: string, from: string, to: string): Promise<string> {
  const out = await prisma(url, 'migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', to);
  return /No difference detected/i.test(out) ? '' : out.replace(/^Loaded Prisma config.*$/m, '').trim();
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Tables, columns, indexes and constraints of the public schema, one sorted line each. */
export async function catalogOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT 'index ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
    ];
    const lines: string[] = [];
    for (const q of queries) lines.push(...(await client.query<{ line: string }>(q)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await client.end();
  }
}

function dataStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => /^\s*(UPDATE|DELETE|INSERT)\b/i.test(line) && !/^\s*INSERT INTO "new_/i.test(line));
}

async function applySqlite(file: string, sql: string): Promise<void> {
  const db = createClient({ url: `file:${file}` });
  try {
    await db.executeMultiple(sql);
  } finally {
    db.close();
  }
}

/** Derives the PostgreSQL migrations that are missing; returns the names written. */
export async function derive(log: (line: string) => void): Promise<string[]> {
  const sqlite = readMigrations(SQLITE_MIGRATIONS);
  fs.mkdirSync(POSTGRES_MIGRATIONS, { recursive: true });
  const derived = readMigrations(POSTGRES_MIGRATIONS).map((m) => m.name);
  let first = derived.findIndex((name, i) => sqlite[i]?.name !== name);
  if (first === -1) first = derived.length;
  for (const stale of derived.slice(first)) {
    log(`re-deriving from ${sqlite[first]?.name ?? '(end)'}: removing ${stale}`);
    fs.rmSync(path.join(POSTGRES_MIGRATIONS, stale), { recursive: true });
  }
  if (first >= sqlite.length) return [];

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-derive-'));
  const scratch = 'hbc_derive_scratch';
  const pgUrl = await createDatabase(scratch);
  try {
    const file = path.join(work, 'state.sqlite');
    let previous: string | null = null;
    for (let i = 0; i < sqlite.length; i++) {
      const m = sqlite[i]!;
      await applySqlite(file, m.sql);
      if (i < first - 1) continue;
      const state = path.join(work, `${m.name}.prisma`);
      fs.writeFileSync(state, POSTGRES_HEADER + (await pull(`file:${file}`, work)));
      if (i >= first) {
        for (const line of dataStatements(m.sql)) log(`${m.name}: data statement NOT derived, add it by hand: ${line.trim().slice(0, 120)}`);
        const sql = await diffSql(pgUrl, previous, state);
        const dir = path.join(POSTGRES_MIGRATIONS, m.name);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'migration.sql'), HEADER(m.name) + sql.trimEnd() + '\n');
        log(`derived ${m.name}`);
      }
      previous = state;
    }
    return sqlite.slice(first).map((m) => m.name);
  } finally {
    await dropDatabase(scratch);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Problems that make the providers drift, empty when in step: a migration without its twin,
 * the SQLite migrations not reaching prisma/schema.prisma, the PostgreSQL ones not reaching
 * its PostgreSQL twin.
 */
export async function drift(dirs = { sqlite: SQLITE_MIGRATIONS, postgres: POSTGRES_MIGRATIONS }): Promise<string[]> {
  const problems: string[] = [];
  const sqliteNames = readMigrations(dirs.sqlite).map((m) => m.name);
  const pgNames = readMigrations(dirs.postgres).map((m) => m.name);
  if (sqliteNames.join() !== pgNames.join()) {
    problems.push(`migration names differ: SQLite [${sqliteNames.join(', ')}] PostgreSQL [${pgNames.join(', ')}]`);
  }
  writePostgresSchema();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-drift-'));
  const database = `hbc_drift_${process.pid}_${Date.now()}`;
  const pgUrl = await createDatabase(database);
  try {
    const file = path.join(work, 'state.sqlite');
    for (const m of readMigrations(dirs.sqlite)) await applySqlite(file, m.sql);
    const sqliteState = path.join(work, 'sqlite.prisma');
    fs.writeFileSync(sqliteState, SQLITE_HEADER + (await pull(`file:${file}`, work)));
    const sqliteDiff = await summaryDiff(`file:${file}`, sqliteState, SQLITE_SCHEMA);
    if (sqliteDiff) problems.push(`the SQLite migrations do not give prisma/schema.prisma:\n${sqliteDiff}`);

    // PostgreSQL cannot be introspected by this engine (the bug that stops `migrate deploy`),
    // so compare catalogs: the migrations applied by the app's runner, against the full SQL
    // of the PostgreSQL twin of prisma/schema.prisma applied to another empty database.
    await migratePostgres(pgUrl, dirs.postgres);
    const expectedUrl = await createDatabase(`${database}_expected`);
    const full = path.join(work, 'full.prisma');
    fs.copyFileSync(POSTGRES_SCHEMA, full);
    await runSql(expectedUrl, await diffSql(expectedUrl, null, full));
    const [got, want] = [await catalogOf(pgUrl), await catalogOf(expectedUrl)];
    const missing = want.filter((line) => !got.includes(line));
    const extra = got.filter((line) => !want.includes(line));
    if (missing.length || extra.length) {
      problems.push(
        'the PostgreSQL migrations do not give the PostgreSQL twin of prisma/schema.prisma (run scripts/derive-postgres.ts):\n' +
          [...missing.map((l) => `  missing: ${l}`), ...extra.map((l) => `  extra:   ${l}`)].join('\n'),
      );
    }
  } finally {
    await dropDatabase(database);
    await dropDatabase(`${database}_expected`);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line: string) => console.log(`[derive-postgres] ${line}`);
  (async () => {
    ensurePostgres(log);
    writePostgresSchema();
    if (!process.argv.includes('--check')) {
      const written = await derive(log);
      log(written.length ? `${written.length} migration(s) derived` : 'nothing to derive');
    }
    const problems = await drift();
    for (const p of problems) console.error(`[derive-postgres] DRIFT: ${p}`);
    if (problems.length) process.exit(1);
    log('in step: both migration sets give prisma/schema.prisma');
  })().catch((err: Error) => {
    console.error(`[derive-postgres] ${err.message}`);
    process.exit(1);
  });
}
