// The one place that knows how Prisma runs offline here (see prisma.config.ts for why).
// Used by prisma.config.ts (CLI) and scripts; the app itself only needs databaseUrl().
import fs from 'node:fs';
import path from 'node:path';

/** libsql URL of the app database; DATABASE_URL wins, else .data/app.sqlite in the project. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.resolve('.data', 'app.sqlite')}`;
}

/**
 * Points PRISMA_SCHEMA_ENGINE_BINARY at an existing file so the CLI skips its engine
 * download; with `engine: 'js'` the WebAssembly engine does the work and the file is never run.
 */
export function ensurePrismaOffline(): void {
  if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
    process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  }
  process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';
  process.env.CHECKPOINT_DISABLE ??= '1';
  const url = databaseUrl();
  if (url.startsWith('file:')) fs.mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true });
}
