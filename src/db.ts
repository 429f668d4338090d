// Creates the Prisma client over SQLite through the libsql driver adapter (no native
// engine: the generated client uses Prisma's JS/WebAssembly query compiler).
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export type Db = InstanceType<typeof PrismaClient>;

/** The client inside `db.$transaction(async (tx) => ...)`; the client itself is one too. */
export type DbTx = Prisma.TransactionClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
}
