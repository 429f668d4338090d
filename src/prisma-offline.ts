// The one place that knows how Prisma runs offline here (see prisma.config.ts for why), and
// the app's own migration: `npm start`, the container and `scripts/setup.ts` all migrate
// the database the app opens (config.databaseUrl): SQLite through `prisma migrate deploy`,
// PostgreSQL through src/postgres-migrate.ts (the WebAssembly engine cannot deploy there).
//
// One schema, two providers: prisma/schema.prisma (SQLite) is the only one edited by hand.
// The PostgreSQL schema is derived from it text-for-text at generate time (postgresSchemaText:
// the provider and the client's folder change, nothing else), and the PostgreSQL migrations
// in prisma/postgresql/migrations are derived from the SQLite ones by
// scripts/derive-postgres.ts; test/db/providers-in-step.test.ts fails when they drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment, databaseProviderOf, setDefaultEnvironment } from './config';
import { migratePostgres } from './postgres-migrate';
import { runOwned } from './temporal/owned-process';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');

/**
 * PRISMA_SCHEMA_ENGINE_BINARY points at an existing file so the CLI skips its engine
 * download; with `engine: 'js'` the WebAssembly engine does the work and the file is never run.
 */
const OFFLINE_ENVIRONMENT = {
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

/** For a Prisma CLI started by hand (`npx prisma ...`): prisma.config.ts calls this. */
export function ensurePrismaOffline(): void {
  setDefaultEnvironment(OFFLINE_ENVIRONMENT);
}

export const SQLITE_SCHEMA = path.join(projectRoot, 'prisma', 'schema.prisma');
/** Derived from SQLITE_SCHEMA by postgresSchemaText; generated, not committed. */
export const POSTGRES_SCHEMA = path.join(projectRoot, 'src', 'generated', 'postgresql', 'schema.prisma');
export const POSTGRES_MIGRATIONS = path.join(projectRoot, 'prisma', 'postgresql', 'migrations');

/**
 * The PostgreSQL twin of a SQLite schema: same models, other provider, its own client
 * folder (src/generated/prisma-pg). Fails loudly if the lines it rewrites ever change.
 */
export function postgresSchemaText(sqliteSchema: string): string {
  const rewrites: [RegExp, string][] = [
    [/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
    [/^(\s*url\s*=\s*)"file:[^"]*"/m, '$1"postgresql://localhost/placeholder"'],
    [/^(\s*output\s*=\s*)"\.\.\/src\/generated\/prisma"/m, '$1"../prisma-pg"'],
  ];
  let text = sqliteSchema;
  for (const [pattern, replacement] of rewrites) {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected a line matching ${pattern} to derive the PostgreSQL schema`);
    text = text.replace(pattern, replacement);
  }
  return `// GENERATED from prisma/schema.prisma by src/prisma-offline.ts; do not edit.\n${text}`;
}

export function writePostgresSchema(): string {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, postgresSchemaText(fs.readFileSync(SQLITE_SCHEMA, 'utf8')));
  return POSTGRES_SCHEMA;
}

/** libsql creates the file but not its folder. */
export function ensureDatabaseFolder(databaseUrl: string): void {
  if (databaseProviderOf(databaseUrl) === 'postgresql') return;
  fs.mkdirSync(path.dirname(databaseUrl.slice('file:'.length)), { recursive: true });
}

/** Runs the Prisma CLI on `databaseUrl` (prisma.config.ts reads it back through src/config.ts). */
export async function prisma(databaseUrl: string, ...args: string[]): Promise<string> {
  return runOwned(process.execPath, [prismaCli, ...args], {
    cwd: projectRoot,
    env: childEnvironment({ ...OFFLINE_ENVIRONMENT, DATABASE_URL: databaseUrl }),
  });
}

/** Applies every pending migration to the app database (creating the file); applied ones are skipped. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if (databaseProviderOf(databaseUrl) === 'postgresql') {
    await migratePostgres(databaseUrl, POSTGRES_MIGRATIONS);
    return;
  }
  ensureDatabaseFolder(databaseUrl);
  await prisma(databaseUrl, 'migrate', 'deploy');
  await useWriteAheadLog(databaseUrl);
}

/**
 * SQLite's write-ahead log (kept in the file, so once is enough): a commit costs one fsync
 * instead of the three or four of the rollback journal, which bounded a morning burst on
 * this machine's disk (3 ms per fsync; docs/PERFORMANCE.md "The morning burst"), and a
 * reader (a second process, the bench) no longer makes the worker's writes fail with
 * SQLITE_BUSY. Durability is unchanged (synchronous stays FULL).
 */
async function useWriteAheadLog(databaseUrl: string): Promise<void> {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: databaseUrl });
  try {
    await client.execute('PRAGMA journal_mode=WAL');
  } finally {
    client.close();
  }
}

const generatedClients = [
  path.join(projectRoot, 'src', 'generated', 'prisma', 'client.ts'),
  path.join(projectRoot, 'src', 'generated', 'prisma-pg', 'client.ts'),
];

/**
 * The generated client is missing (fresh clone) or older than the schema or the installed
 * Prisma: it must be generated before src/db.ts can be imported.
 */
export function prismaClientStale(): boolean {
  if (!generatedClients.every((file) => fs.existsSync(file))) return true;
  const generatedAt = Math.min(...generatedClients.map((file) => fs.statSync(file).mtimeMs));
  const inputs = [path.join(projectRoot, 'prisma', 'schema.prisma'), path.join(projectRoot, 'node_modules', '@prisma', 'client', 'package.json')];
  // ctime, not mtime: npm extracts packages with a fixed 1985 mtime.
  return inputs.some((file) => fs.existsSync(file) && fs.statSync(file).ctimeMs > generatedAt);
}

/**
 * `prisma generate` into src/generated/prisma (SQLite) and src/generated/prisma-pg
 * (PostgreSQL): one set of models, a query compiler per provider (src/db.ts picks one).
 */
export async function generatePrismaClient(databaseUrl: string): Promise<void> {
  const sqliteUrl = databaseProviderOf(databaseUrl) === 'sqlite' ? databaseUrl : 'file:./.data/app.sqlite';
  await prisma(sqliteUrl, 'generate', '--schema', SQLITE_SCHEMA);
  await prisma(sqliteUrl, 'generate', '--schema', writePostgresSchema());
}
