import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db';
import { TEMPLATE_DB } from './global-setup';

export type TestDb = { db: Db; url: string; cleanup: () => Promise<void> };
export type TestDatabase = 'sqlite' | 'postgresql';

/**
 * The databases the integration tests that touch the database run on: SQLite, the embedded
 * default, and PostgreSQL, production's. Use with describe.each(TEST_DATABASES).
 */
export const TEST_DATABASES: TestDatabase[] = ['sqlite', 'postgresql'];

/** A fresh, migrated SQLite app database in a temp folder; `cleanup` disconnects and removes it. */
export function createTestDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-db-'));
  const file = path.join(dir, 'app.sqlite');
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated app database of either kind. PostgreSQL's is a copy of the template the
 * global setup migrated with the app's own runner (CREATE DATABASE ... TEMPLATE, fast),
 * dropped by `cleanup`.
 */
export async function createTestDbOn(kind: TestDatabase): Promise<TestDb> {
  if (kind === 'sqlite') return createTestDb();
  const name = `hbc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('postgresTemplate')}"`));
  const url = inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${name}`);
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      await onAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
