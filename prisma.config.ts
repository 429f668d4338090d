// Prisma CLI configuration (migrate, generate).
//
// Why this file looks unusual: Prisma's CLI normally downloads a native schema engine when
// it starts, and these machines reach package registries only. Prisma 6.19 can instead
// migrate SQLite through its WebAssembly schema engine when `engine: 'js'` and a driver
// adapter are configured. It still checks that a schema-engine binary exists before
// starting, so src/prisma-offline.ts points PRISMA_SCHEMA_ENGINE_BINARY at an existing
// file; that binary is never executed. Prisma 7 cannot do this, which is why we stay on
// 6.19. On PostgreSQL the WebAssembly engine can diff and introspect but not `migrate
// deploy`: src/postgres-migrate.ts applies prisma/postgresql/migrations instead, and
// scripts/derive-postgres.ts uses this file to derive them (see src/prisma-offline.ts).
//
// The database is the app's own (src/config.ts: DATABASE_URL, else $HBC_DATA_DIR/app.sqlite),
// so `npx prisma migrate deploy` by hand migrates the file the app opens. With a
// postgres:// DATABASE_URL the schema is the derived PostgreSQL one.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from './src/config';
import { ensureDatabaseFolder, ensurePrismaOffline, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA } from './src/prisma-offline';

ensurePrismaOffline();
const onPostgres = loadConfig().databaseProvider === 'postgresql';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: onPostgres ? POSTGRES_SCHEMA : path.join('prisma', 'schema.prisma'),
  migrations: { path: onPostgres ? POSTGRES_MIGRATIONS : path.join('prisma', 'migrations') },
  async adapter() {
    const { databaseUrl } = loadConfig();
    // allowExitOnIdle: the CLI exits when done instead of waiting for idle connections to time out.
    if (onPostgres) return new PrismaPg({ connectionString: databaseUrl, allowExitOnIdle: true });
    ensureDatabaseFolder(databaseUrl);
    return new PrismaLibSQL({ url: databaseUrl });
  },
});
