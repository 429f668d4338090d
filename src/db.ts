// Creates the Prisma client for DATABASE_URL: SQLite (`file:`, the embedded default) through
// the libsql driver adapter, or PostgreSQL (`postgres://`, production with several app
// processes) through @prisma/adapter-pg. No native engine either way: each generated client
// carries Prisma's query compiler for its provider. Both clients come from the same models
// (src/prisma-offline.ts derives the PostgreSQL schema from prisma/schema.prisma), so the
// PostgreSQL one is typed as the SQLite one: the code base sees one `Db`.
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseProviderOf } from './config';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { PrismaClient as PrismaClientPg } from './generated/prisma-pg/client';

export type Db = InstanceType<typeof PrismaClient>;

/** The client inside `db.$transaction(async (tx) => ...)`; the client itself is one too. */
export type DbTx = Prisma.TransactionClient;

const onPostgres = new WeakSet<object>();

export function createDb(databaseUrl: string): Db {
  if (databaseProviderOf(databaseUrl) === 'postgresql') {
    // Same models, same generated types, another query compiler: see the top of this file.
    const db = new PrismaClientPg({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
    onPostgres.add(db);
    return db;
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
}

/**
 * Spread into a `contains`/`startsWith` filter that must ignore case on both databases:
 * SQLite's LIKE ignores ASCII case by itself, PostgreSQL's needs `mode: 'insensitive'`
 * (ILIKE), which the SQLite-typed client does not know.
 */
export function ignoringCase(db: Db): object {
  return onPostgres.has(db) ? { mode: 'insensitive' } : {};
}

/** Whether `db` talks to PostgreSQL (the few raw SQL queries differ in dialect: src/stores/board.store.ts). */
export function isPostgres(db: Db): boolean {
  return onPostgres.has(db);
}
