// The outbox's one way out, against a real SMTP server on 127.0.0.1 and a real database of
// each kind (SQLite embedded, PostgreSQL in production): text a person typed cannot disguise
// itself with bidirectional overrides in any email, and a message is sent once however many
// times, and however many at once, it is asked for.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDeps } from '../../activities/deps';
import { sendOnce } from '../../activities/outbox';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';

describe.each(TEST_DATABASES)('outbox on %s', (database) => {
  let catcher: MailCatcher;
  let testDb: TestDb;
  let deps: ActivityDeps;
  beforeAll(async () => {
    catcher = await startMailCatcher({ port: 0 });
    testDb = await createTestDbOn(database);
    deps = {
      db: testDb.db,
      mailer: nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, ignoreTLS: true }),
      clock: () => new Date(),
      publicUrl: 'http://hbc.test',
      mailFrom: 'Hạn báo cáo <hbc@test.example>',
      temporal: { client: {} as never, taskQueue: 'unused', searchAttributes: false },
    };
  });
  afterAll(async () => {
    await catcher?.close();
    await testDb?.cleanup();
  });

  it('removes bidirectional controls from subject, text and HTML, and sends a key once', async () => {
    const hostile = 'Trạm Y tế\u202Efdp.exe\u2066 xã';
    const mail = { key: 'bidi:1:a@test.example', stepKey: 'test', to: 'a@test.example', subject: `[Nhắc hạn] ${hostile}`, text: `Kính gửi: ${hostile}`, html: `<p>${hostile}</p>` };
    expect(await sendOnce(deps, mail)).toBe('sent');
    expect(await sendOnce(deps, mail)).toBe('skipped');
    const [received] = await catcher.waitFor(1);
    expect(catcher.messages()).toHaveLength(1);
    for (const field of [received!.subject, received!.text, received!.html]) {
      expect(field).toContain('Trạm Y tếfdp.exe xã');
      expect(field).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('sends one email when eight attempts ask for the same key at once; the others skip or wait', async () => {
    const mail = { key: 'race:1:b@test.example', stepKey: 'test', to: 'b@test.example', subject: 'Nhắc hạn', text: 'Kính gửi', html: '<p>Kính gửi</p>' };
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => sendOnce(deps, mail)));
    const sent = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'sent');
    const others = outcomes.filter((o) => !(o.status === 'fulfilled' && o.value === 'sent'));
    expect(sent).toHaveLength(1);
    // A loser either finds the row done (skipped) or claimed by the winner (retry later).
    for (const o of others) {
      if (o.status === 'fulfilled') expect(o.value).toBe('skipped');
      else expect((o.reason as { type?: string }).type).toBe('OutboxBusy');
    }
    await catcher.waitFor(2);
    expect(catcher.messages().filter((m) => m.headers['x-hbc-key'] === mail.key)).toHaveLength(1);
    expect(await sendOnce(deps, mail)).toBe('skipped');
    expect(await testDb.db.outboxMessage.findUniqueOrThrow({ where: { key: mail.key } })).toMatchObject({ status: 'sent' });
  });
});
