// Prisma CLI configuration (migrate, generate).
//
// Why this file looks unusual: Prisma's CLI normally downloads a native schema engine when
// it starts, and these machines reach package registries only. Prisma 6.19 can instead
// migrate SQLite through its WebAssembly schema engine when `engine: 'js'` and a driver
// adapter are configured. It still checks that a schema-engine binary exists before
// starting, so src/prisma-offline.ts points PRISMA_SCHEMA_ENGINE_BINARY at an existing
// file; that binary is never executed. Prisma 7 cannot do this, which is why we stay on
// 6.19. The WebAssembly path does not work for PostgreSQL: production keeps SQLite.
//
// The database is the app's own (src/config.ts: DATABASE_URL, else $HBC_DATA_DIR/app.sqlite),
// so `npx prisma migrate deploy` by hand migrates the file the app opens.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { loadConfig } from './src/config';
import { ensureDatabaseFolder, ensurePrismaOffline } from './src/prisma-offline';

ensurePrismaOffline();

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const { databaseUrl } = loadConfig();
    ensureDatabaseFolder(databaseUrl);
    return new PrismaLibSQL({ url: databaseUrl });
  },
});
