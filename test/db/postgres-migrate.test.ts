// The PostgreSQL migration runner (src/postgres-migrate.ts) on the project's cluster: an
// empty database gets every migration, one at the previous version gets the rest with its
// rows kept, a migration edited after it ran is refused, and app processes starting at once
// migrate once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, readMigrations } from '../../src/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../src/prisma-offline';
import { createTestDbOn, type TestDb } from '../helpers/test-db';

const ALL = readMigrations(POSTGRES_MIGRATIONS).map((m) => m.name);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An empty database: a test database with everything dropped, migrations table included. */
async function emptyDatabase(): Promise<TestDb> {
  const testDb = await createTestDbOn('postgresql');
  await query(testDb.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  return testDb;
}

describe('PostgreSQL migrations runner', () => {
  const dbs: TestDb[] = [];
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-pgmig-'));
  });
  afterAll(async () => {
    for (const d of dbs) await d.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const fresh = async () => {
    const d = await emptyDatabase();
    dbs.push(d);
    return d;
  };
  /** A copy of the migrations folder, the last `drop` of them left out. */
  const copyWithout = (drop: number) => {
    const dir = fs.mkdtempSync(path.join(work, 'm-'));
    for (const name of ALL.slice(0, ALL.length - drop)) fs.cpSync(path.join(POSTGRES_MIGRATIONS, name), path.join(dir, name), { recursive: true });
    return dir;
  };

  it('migrates an empty database to the last version, then finds nothing to do', async () => {
    const { url, db } = await fresh();
    expect(await migratePostgres(url, POSTGRES_MIGRATIONS)).toEqual(ALL);
    expect(await migratePostgres(url, POSTGRES_MIGRATIONS)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string }>(url, 'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toEqual(readMigrations(POSTGRES_MIGRATIONS).map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    // The app's client works on what the runner built.
    await db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    expect(await db.organisation.count()).toBe(1);
  });

  it('brings a database at the previous version up to date and keeps its rows', async () => {
    const { url, db } = await fresh();
    expect(await migratePostgres(url, copyWithout(1))).toEqual(ALL.slice(0, -1));
    // Rows written as the previous version's schema has them: the client is generated from
    // the current schema, and would write the columns the last migration adds.
    await query(url, `INSERT INTO "Organisation" (id, name, kind) VALUES ('xa', 'UBND xã Thử', 'commune')`);
    await query(url, `INSERT INTO "Agency" (id, "organisationId", name) VALUES ('tyt', 'xa', 'Trạm Y tế')`);
    await query(url, `INSERT INTO "Contact" (id, "agencyId", name, email) VALUES ('c1', 'tyt', 'Chị Lan', 'lan@xa.test.example')`);
    expect(await migratePostgres(url, POSTGRES_MIGRATIONS)).toEqual(ALL.slice(-1));
    expect(await db.contact.findMany({ where: { agencyId: 'tyt' }, select: { email: true } })).toEqual([{ email: 'lan@xa.test.example' }]);
  });

  it('refuses a migration that was changed after it was applied, and applies nothing after it', async () => {
    const { url } = await fresh();
    const dir = copyWithout(1);
    await migratePostgres(url, dir);
    const first = path.join(dir, ALL[0]!, 'migration.sql');
    fs.appendFileSync(first, '\n-- edited afterwards\n');
    fs.cpSync(path.join(POSTGRES_MIGRATIONS, ALL.at(-1)!), path.join(dir, ALL.at(-1)!), { recursive: true });
    await expect(migratePostgres(url, dir)).rejects.toThrow(/was changed after it was applied/);
    expect((await query(url, 'SELECT 1 FROM "_prisma_migrations"')).length).toBe(ALL.length - 1);
  });

  it('rolls a failing migration back whole and says which', async () => {
    const { url } = await fresh();
    const dir = copyWithout(0);
    fs.mkdirSync(path.join(dir, '29990101000000_broken'));
    fs.writeFileSync(path.join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "NoSuchTable";\n');
    await expect(migratePostgres(url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
  });

  it('migrates once when several app processes start at the same moment', async () => {
    const { url } = await fresh();
    const applied = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url, POSTGRES_MIGRATIONS)));
    expect(applied.flat().sort()).toEqual(ALL);
  });
});
