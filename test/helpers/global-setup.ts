// Runs once per `vitest run`: migrates a template SQLite app database with the real Prisma
// CLI (the same `migrate deploy` production runs) and a template PostgreSQL database with the
// app's own runner (src/postgres-migrate.ts), on the project's cluster (scripts/postgres.ts,
// started here if it is not running); each test copies one (test/helpers/test-db.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../src/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../src/prisma-offline';
import { ensurePostgres, postgresUrl } from '../../scripts/postgres';

export const TEMPLATE_DB = path.resolve('.test-data', 'template.sqlite');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The project's PostgreSQL cluster, its `postgres` database (to create and drop others). */
    postgresAdminUrl: string;
    /** A migrated database to copy with CREATE DATABASE ... TEMPLATE. */
    postgresTemplate: string;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** The SQLite template alone (scripts/fuzz.ts uses it outside vitest). */
export function prepareSqliteTemplate(): void {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  fs.rmSync(TEMPLATE_DB, { force: true });
  const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}`, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  prepareSqliteTemplate();

  const adminUrl = ensurePostgres((line) => console.log(`[global-setup] ${line}`));
  const template = `hbc_template_${process.pid}`;
  await admin(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin(adminUrl, `CREATE DATABASE "${template}"`);
  await migratePostgres(postgresUrl(template), POSTGRES_MIGRATIONS);
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', template);
  return async () => {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}
