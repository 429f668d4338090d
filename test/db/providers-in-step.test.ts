// One schema, two providers (src/prisma-offline.ts): prisma/schema.prisma is edited by hand,
// its PostgreSQL twin and migrations are derived (scripts/derive-postgres.ts). This fails
// when they drift: a SQLite migration without its PostgreSQL twin, SQLite migrations that
// do not give the schema, PostgreSQL migrations that do not give its twin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../src/prisma-offline';
import { drift } from '../../scripts/derive-postgres';

const SQLITE_MIGRATIONS = path.resolve('prisma', 'migrations');

describe('SQLite and PostgreSQL in step', () => {
  it('derives every SQLite migration, and both sets give prisma/schema.prisma', { timeout: 240_000 }, async () => {
    expect(await drift()).toEqual([]);
  });

  it('notices a PostgreSQL migration missing (a SQLite one merged without re-deriving)', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-drifted-'));
    try {
      const names = readMigrations(POSTGRES_MIGRATIONS).map((m) => m.name);
      for (const name of names.slice(0, -1)) fs.cpSync(path.join(POSTGRES_MIGRATIONS, name), path.join(dir, name), { recursive: true });
      const problems = await drift({ sqlite: SQLITE_MIGRATIONS, postgres: dir });
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^migration names differ/);
      // What the missing migration creates is named, so the fix is plain.
      const missing = readMigrations(POSTGRES_MIGRATIONS).at(-1)!.sql.match(/CREATE (?:UNIQUE )?INDEX "([^"]+)"|CREATE TABLE "([^"]+)"|ADD COLUMN\s+"([^"]+)"/);
      expect(missing).not.toBeNull();
      expect(problems[1]).toContain(missing!.slice(1).find(Boolean)!);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
