// Applies prisma/postgresql/migrations to a PostgreSQL app database. Prisma 6.19's
// WebAssembly schema engine (the only one these machines can run) fails `migrate deploy` on
// PostgreSQL ("Column type 'name' could not be deserialized"), so this small runner does what
// it would: each pending migration folder, in name order, in its own transaction, recorded
// in Prisma's own `_prisma_migrations` table with the same sha256 checksum, so a later Prisma
// with a working engine sees the same history. Several app processes may start at once
// (API and workers on several machines): an advisory lock lets one migrate while the others
// wait, then find nothing left to do.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Any fixed number: every app process takes the same lock. */
const MIGRATION_LOCK = 72_707_007;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies the pending migrations of `dir`; returns the names applied now. */
export async function migratePostgres(databaseUrl: string, dir: string): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const row = recorded.get(m.name);
      if (row && !row.finished_at) throw new Error(`PostgreSQL migration ${m.name} failed earlier and is marked unfinished: repair it by hand, then delete its row in _prisma_migrations`);
      if (row && row.checksum !== m.checksum) throw new Error(`PostgreSQL migration ${m.name} was changed after it was applied (checksum differs): restore the file`);
      if (row) continue;
      await client.query('BEGIN');
      try {
        // No parameters: the simple query protocol runs every statement of the file.
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)',
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration ${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}
