// The world of the administration API tests: a province with two communes and a commune
// outside it, the commune "org" of the fixtures (agencies "coord" and "tyt", plan "plan"),
// API tokens for each role that matters, and the app on an unreachable Temporal (nothing
// here starts a workflow). Cookie sessions for the pages: signIn() gives a cookie and its
// CSRF token.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/auth/policy';
import { buildServer } from '../../src/api/server';
import type { Db } from '../../src/db';
import { seedObligation } from '../helpers/fixtures';
import { bearer, createUser, grantToken } from '../helpers/principals';
import { createTestDbOn, type TestDatabase, type TestDb } from '../helpers/test-db';

export const NOW = new Date('2026-10-20T03:00:00Z');

export interface AdminWorld {
  app: FastifyInstance;
  db: Db;
  /** Bearer headers by name: provinceAdmin, communeAdmin, coordinator, leader, provinceAuditor, communeAuditor, siblingAdmin, outsiderAdmin, provinceCoordinator. */
  as: Record<string, Record<string, string>>;
  signIn(email: string, password: string): Promise<{ cookies: Record<string, string>; csrf: string }>;
}

const GRANTS: Record<string, [string, Role]> = {
  provinceAdmin: ['tinh', 'administrator'],
  provinceCoordinator: ['tinh', 'coordinator'],
  provinceAuditor: ['tinh', 'auditor'],
  communeAdmin: ['org', 'administrator'],
  coordinator: ['org', 'coordinator'],
  leader: ['org', 'leader'],
  communeAuditor: ['org', 'auditor'],
  siblingAdmin: ['xa-b', 'administrator'],
  siblingAuditor: ['xa-b', 'auditor'],
  outsiderAdmin: ['xa-ngoai', 'administrator'],
};

/** `database`: which app database the world runs on (SQLite unless a test runs on both). */
export function adminWorld(seed: (db: Db) => Promise<unknown> = async () => undefined, database: TestDatabase = 'sqlite'): AdminWorld {
  let testDb: TestDb;
  let connection: Connection;
  const world = { as: {} } as AdminWorld;
  beforeAll(async () => {
    testDb = await createTestDbOn(database);
    const db = (world.db = testDb.db);
    await db.organisation.create({ data: { id: 'tinh', name: 'UBND tỉnh Thử Nghiệm', kind: 'province' } });
    await seedObligation(db);
    await db.organisation.update({ where: { id: 'org' }, data: { parentId: 'tinh' } });
    await db.organisation.create({ data: { id: 'xa-b', name: 'UBND xã Bên Cạnh', kind: 'commune', parentId: 'tinh' } });
    await db.agency.create({ data: { id: 'xa-b.tyt', organisationId: 'xa-b', name: 'Trạm Y tế xã Bên Cạnh' } });
    await db.organisation.create({ data: { id: 'xa-ngoai', name: 'UBND xã Ngoài Tỉnh', kind: 'commune' } });
    for (const [name, [organisationId, role]] of Object.entries(GRANTS)) world.as[name] = bearer(await grantToken(db, { organisationId, role }));
    await seed(db);
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    world.app = buildServer({ db, temporal: new Client({ connection }), taskQueue: 'admin-test', clock: () => NOW, searchAttributes: false }, { logger: false });
  });
  afterAll(async () => {
    await world.app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });
  world.signIn = async (email, password) => {
    const res = await world.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    if (res.statusCode !== 201) throw new Error(`sign-in ${email}: ${res.statusCode} ${res.body}`);
    const session = res.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()!;
    const cookies = { hbc_session: session.value };
    const me = await world.app.inject({ method: 'GET', url: '/api/session', cookies });
    return { cookies, csrf: me.json().csrfToken as string };
  };
  return world;
}

export { createUser };
