// The one place that knows how Prisma runs offline here (see prisma.config.ts for why), and
// the app's own migration: `npm start`, the container and `scripts/setup.ts` all migrate
// the database the app opens (config.databaseUrl), through the same `prisma migrate deploy`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnvironment, setDefaultEnvironment } from './config';
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

/** libsql creates the file but not its folder. */
export function ensureDatabaseFolder(databaseUrl: string): void {
  fs.mkdirSync(path.dirname(databaseUrl.slice('file:'.length)), { recursive: true });
}

/** Runs the Prisma CLI on `databaseUrl` (prisma.config.ts reads it back through src/config.ts). */
async function prisma(databaseUrl: string, ...args: string[]): Promise<string> {
  return runOwned(process.execPath, [prismaCli, ...args], {
    cwd: projectRoot,
    env: childEnvironment({ ...OFFLINE_ENVIRONMENT, DATABASE_URL: databaseUrl }),
  });
}

/** Applies every pending migration to the app database (creating the file); applied ones are skipped. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  ensureDatabaseFolder(databaseUrl);
  await prisma(databaseUrl, 'migrate', 'deploy');
}

const generatedClient = path.join(projectRoot, 'src', 'generated', 'prisma', 'client.ts');

/**
 * The generated client is missing (fresh clone) or older than the schema or the installed
 * Prisma: it must be generated before src/db.ts can be imported.
 */
export function prismaClientStale(): boolean {
  if (!fs.existsSync(generatedClient)) return true;
  const generatedAt = fs.statSync(generatedClient).mtimeMs;
  const inputs = [path.join(projectRoot, 'prisma', 'schema.prisma'), path.join(projectRoot, 'node_modules', '@prisma', 'client', 'package.json')];
  // ctime, not mtime: npm extracts packages with a fixed 1985 mtime.
  return inputs.some((file) => fs.existsSync(file) && fs.statSync(file).ctimeMs > generatedAt);
}

/** `prisma generate` into src/generated/prisma. */
export async function generatePrismaClient(databaseUrl: string): Promise<void> {
  await prisma(databaseUrl, 'generate');
}
