// Runs once per `vitest run`: migrates a template app database with the real Prisma CLI
// (the same `migrate deploy` production runs); each test copies it (test/helpers/test-db.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TEMPLATE_DB = path.resolve('.test-data', 'template.sqlite');

export default function setup(): void {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  fs.rmSync(TEMPLATE_DB, { force: true });
  const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}`, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}
