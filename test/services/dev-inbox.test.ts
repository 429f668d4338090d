// The development inbox shows a caller only the mail of its own organisations' people: one
// installation serves a province and its communes, and the authorisation matrix found a
// commune's coordinator reading another commune's reminders (and their deadline ids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../src/mail/mail-catcher';
import { inboxFor } from '../../src/services/dev-inbox';
import type { Grant } from '../../src/auth/policy';
import { createTestDb } from '../helpers/test-db';

const mail = (id: number, to: string[], cc: string[] = []): CaughtMail => ({
  id, receivedAt: '2026-11-30T01:00:00.000Z', envelopeFrom: 'hbc@test.example', envelopeTo: [...to, ...cc], from: 'hbc@test.example',
  to, cc, subject: `thư ${id}`, text: '', html: '', messageId: `<${id}@test.example>`, headers: {},
});

describe('the development inbox', () => {
  let testDb: ReturnType<typeof createTestDb>;

  beforeAll(async () => {
    testDb = createTestDb();
    const { db } = testDb;
    await db.organisation.create({ data: { id: 'tinh', name: 'UBND tỉnh', kind: 'province', leadershipEmail: 'chu-tich@tinh.example' } });
    for (const id of ['xa-a', 'xa-b']) {
      await db.organisation.create({ data: { id, name: `UBND ${id}`, kind: 'commune', parentId: 'tinh', leadershipEmail: `chu-tich@${id}.example` } });
      await db.agency.create({
        data: { id: `${id}.tyt`, organisationId: id, name: 'Trạm Y tế', headEmail: `truong@${id}.example`, contacts: { create: [{ id: `${id}.c`, name: 'Văn thư', email: `Van-Thu@${id}.example` }] } },
      });
    }
  });

  afterAll(async () => {
    await testDb?.cleanup();
  });

  const messages = [
    mail(1, ['van-thu@xa-a.example']),
    mail(2, ['van-thu@xa-b.example']),
    mail(3, ['someone@elsewhere.example'], ['truong@xa-a.example']),
    mail(4, ['chu-tich@xa-b.example']),
    mail(5, ['nobody@elsewhere.example']),
    mail(6, ['chu-tich@tinh.example']),
  ];
  const ids = async (grants: Grant[]) => (await inboxFor(testDb, { kind: 'user', id: 'u', label: 'u@test.example', grants }, messages)).map((m) => m.id);

  it("shows a commune's coordinator the mail to its agencies' contacts and heads, whatever the case of the address, and nothing of the next commune", async () => {
    expect(await ids([{ organisationId: 'xa-a', role: 'coordinator' }])).toEqual([1, 3]);
    expect(await ids([{ organisationId: 'xa-b', role: 'coordinator' }])).toEqual([2, 4]);
  });

  it("shows a province's administrator its own organisation's mail only (inbox.read is not a tree right)", async () => {
    expect(await ids([{ organisationId: 'tinh', role: 'administrator' }])).toEqual([6]);
  });

  it('shows nothing to a role without inbox.read', async () => {
    expect(await ids([{ organisationId: 'xa-a', role: 'leader' }])).toEqual([]);
  });
});
