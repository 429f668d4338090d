// Creates the Prisma client over SQLite through the libsql driver adapter (no native
// engine: the generated client uses Prisma's JS/WebAssembly query compiler).
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient } from './generated/prisma/client';

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
}
