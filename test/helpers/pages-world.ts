// Pages through buildServer(...).inject, for tests of what every page carries (the header,
// the language switch): the seeded obligation's commune with a coordinator and an agency
// clerk who can sign in, the SMTP catcher beside it (so the inbox link exists), and a
// Temporal client whose server never answers (nothing here reaches a workflow).
// Registers its own beforeAll/afterAll; read `app` inside tests.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildServer } from '../../src/api/server';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { Db } from '../../src/db';
import { seedObligation } from './fixtures';
import { createUser } from './principals';
import { createTestDb } from './test-db';

export const PAGE_USERS = { coordinator: 'vhxh@org.test.example', clerk: 'tyt@org.test.example' } as const;
const PASSWORD = 'mật khẩu dài 12';

export interface PagesWorld {
  app: FastifyInstance;
  /** The session cookie of a signed-in user of PAGE_USERS. */
  signIn(email: string): Promise<Record<string, string>>;
}

/**
 * `seed` fills the commune 'org' with its agency 'tyt' (default: the seeded obligation's
 * commune, with Vietnamese names); the users of PAGE_USERS are added after it.
 */
export function pagesWorld(taskQueue: string, seed: (db: Db) => Promise<unknown> = seedObligation): PagesWorld {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let catcher: MailCatcher;
  let app: FastifyInstance;
  const world: PagesWorld = {
    get app() {
      return app;
    },
    async signIn(email: string) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: PASSWORD } });
      expect(res.statusCode).toBe(201);
      return { hbc_session: res.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()!.value };
    },
  };

  beforeAll(async () => {
    testDb = createTestDb();
    await seed(testDb.db);
    await createUser(testDb.db, { email: PAGE_USERS.coordinator, password: PASSWORD, grants: [{ organisationId: 'org', role: 'coordinator' }] });
    await createUser(testDb.db, { email: PAGE_USERS.clerk, password: PASSWORD, grants: [{ organisationId: 'org', role: 'agency', agencyId: 'tyt' }] });
    catcher = await startMailCatcher({ port: 0 });
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer(
      { db: testDb.db, temporal: new Client({ connection }), taskQueue, clock: () => new Date('2026-10-20T03:00:00Z'), searchAttributes: false },
      { logger: false, catcher },
    );
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await catcher?.close();
    await testDb?.cleanup();
  });

  return world;
}
