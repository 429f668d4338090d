// The outbox's one way out, against a real SMTP server on 127.0.0.1 and a real database:
// text a person typed cannot disguise itself with bidirectional overrides in any email, and
// a message is sent once however many times it is asked for.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDeps } from '../../activities/deps';
import { sendOnce } from '../../activities/outbox';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { createTestDb } from '../helpers/test-db';

describe('outbox', () => {
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let deps: ActivityDeps;
  beforeAll(async () => {
    catcher = await startMailCatcher({ port: 0 });
    testDb = createTestDb();
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
    await catcher.close();
    await testDb.cleanup();
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
});
