// Password reset by an emailed link, the whole way: the request is answered at once and the
// same for any address; the email goes through the outbox and the mail workflow (Temporal's
// time-skipping server) to a real SMTP server; the link works once, within the hour, ends
// the account's sessions and is never stored or logged in clear. The app's clock is the
// test's, shared by the services and the activities as in production.
import { createHash } from 'node:crypto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { mailWorkflowId } from '../../src/contract/names';
import { RESET_LINK_TTL_MS, RESET_REQUESTED, requestPasswordReset } from '../../src/services/password-reset';
import { bundleWorkflows } from '../../src/worker';
import { createUser } from '../helpers/principals';
import { replayAndRecord } from '../helpers/replay';
import { timeSkippingWorld } from '../helpers/world';
import { movableClock, sessionCookie, signInAs, testApp, visit, type TestApp } from './helpers';

const QUEUE = 'password-reset';
const OLD = 'mật khẩu cũ 2026';
const NEW = 'mật khẩu mới đủ dài';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('password reset by an emailed link', () => {
  const clock = movableClock('2026-01-05T03:00:00Z');
  const world = timeSkippingWorld(async (db) => {
    await db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    for (const email of ['lan@xa.test.example', 'minh@xa.test.example', 'hoa@xa.test.example']) {
      await createUser(db, { email, password: OLD, grants: [{ organisationId: 'xa', role: 'coordinator' }] });
    }
  });
  let bundle: WorkflowBundleWithSourceMap;
  let t: TestApp;

  /** Runs a worker (the app's own activities, on the test's clock) while `fn` runs. */
  const withWorker = async (fn: () => Promise<void>) => {
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: QUEUE,
      workflowBundle: bundle,
      activities: createActivities({
        db: world.db,
        mailer: nodemailer.createTransport({ host: '127.0.0.1', port: world.catcher.port, ignoreTLS: true }),
        clock,
        publicUrl: 'http://hbc.test',
        mailFrom: 'Hạn báo cáo <hbc@test.example>',
        temporal: world.starter(QUEUE),
      }),
    });
    await worker.runUntil(fn);
  };

  beforeAll(async () => {
    bundle = await bundleWorkflows();
    t = testApp(world.db, clock, { temporal: world.env.client, taskQueue: QUEUE });
  });
  afterAll(async () => t?.close());

  const linkIn = (text: string) => /http:\/\/hbc\.test\/password-reset\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  const whoIs = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/session', cookies: { hbc_session: cookie } })).json().principal;
  const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress: '10.1.0.1' });

  it('emails a link that sets a new password once, ends every session and is kept only as a hash', async () => {
    const email = 'lan@xa.test.example';
    const before = await signInAs(t.app, email, OLD); // a session on another computer
    await world.db.user.update({ where: { email }, data: { lockedUntil: new Date('2026-01-05T03:10:00Z') } }); // someone guessed: locked

    await withWorker(async () => {
      const asked = await t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email: 'LAN@xa.test.example' } });
      expect(asked.statusCode).toBe(202);
      expect(asked.json()).toEqual(RESET_REQUESTED);
      const [mail] = await world.catcher.waitFor(1, (m) => m.to.includes(email));
      expect(mail!.subject).toBe('[Hạn báo cáo] Đặt lại mật khẩu');
      expect(mail!.text).toContain('Liên kết chỉ dùng được một lần và hết hạn lúc 11:00 Thứ Hai, 05/01/2026');
      const token = linkIn(mail!.text)!;
      expect(token).toBeTruthy();
      expect(mail!.html).toContain(`href="http://hbc.test/password-reset/${token}"`);

      // Stored as its hash only; the email's body left the outbox once it was sent.
      const reset = await world.db.passwordReset.findFirstOrThrow({ where: { user: { email } } });
      expect(reset.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(reset.expiresAt).toEqual(new Date(clock().getTime() + RESET_LINK_TTL_MS));
      const { key } = await world.db.outboxMessage.findFirstOrThrow({ where: { recipient: email } });
      expect(await world.env.client.workflow.getHandle(mailWorkflowId(key)).result()).toEqual({ outcome: 'sent' });
      await replayAndRecord(world.env.client, mailWorkflowId(key), 'mail-password-reset-sent', bundle);
      const outbox = await world.db.outboxMessage.findMany({ where: { recipient: email } });
      expect(outbox).toMatchObject([{ status: 'sent', stepKey: 'password-reset', payload: '{}' }]);
      expect(JSON.stringify(await world.db.outboxMessage.findMany())).not.toContain(token);

      // The link's page: a form for that account, never cached, never sent on as a referrer.
      const visitor = await visit(t.app);
      const page = await t.app.inject({ method: 'GET', url: `/password-reset/${token}`, cookies: { hbc_session: visitor.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Tài khoản: <b>lan@xa.test.example</b>');
      expect(page.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = sessionCookie(page) ?? visitor.cookie;

      const set = await t.app.inject({ method: 'POST', url: `/password-reset/${token}`, cookies: { hbc_session: cookie }, ...form({ password: NEW, confirm: NEW, _csrf: csrf }) });
      expect(set.statusCode).toBe(200);
      expect(set.body).toContain('Đã đặt mật khẩu mới');

      expect(await whoIs(before.cookie)).toBeNull();
      expect((await signIn(email, OLD)).statusCode).toBe(401);
      expect((await signIn(email, NEW)).statusCode).toBe(201); // the lock went with the reset

      // Twice: refused, and the password stays the one set.
      const again = await t.app.inject({ method: 'POST', url: `/password-reset/${token}`, cookies: { hbc_session: cookie }, ...form({ password: 'một mật khẩu khác nữa', confirm: 'một mật khẩu khác nữa', _csrf: csrf }) });
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('Liên kết đặt lại mật khẩu không còn hiệu lực');
      expect((await t.app.inject({ method: 'GET', url: `/password-reset/${token}` })).statusCode).toBe(410);
      expect((await signIn(email, NEW)).statusCode).toBe(201);
    });

    const audit = await world.db.auditEvent.findMany({ where: { action: { startsWith: 'account.password-reset' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['account.password-reset.request', 'account.password-reset']);
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ endedSessions: 1 });
    // The token is in no log line (the link's path is logged redacted).
    expect(t.raw.join('\n')).toContain('/password-reset/[redacted]');
    expect(t.raw.join('\n')).not.toMatch(/password-reset\/[A-Za-z0-9_-]{43}/);
  });

  it('answers an address without an account exactly like one with, and stores nothing for it', async () => {
    const ask = (email: string) => t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email }, remoteAddress: '10.1.0.2' });
    const [known, unknown] = [await ask('minh@xa.test.example'), await ask('khong-co-ai@xa.test.example')];
    expect([unknown.statusCode, unknown.body]).toEqual([known.statusCode, known.body]);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);

    const rows = await world.db.passwordReset.count();
    expect(await requestPasswordReset(t.deps, { email: 'khong-co-ai@xa.test.example' }, { ip: null })).toEqual({ queued: false });
    expect(await world.db.passwordReset.count()).toBe(rows);
    const visitor = await visit(t.app);
    const page = await t.app.inject({ method: 'POST', url: '/password-reset', cookies: { hbc_session: visitor.cookie }, ...form({ email: 'khong-co-ai@xa.test.example', _csrf: visitor.csrfToken }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(RESET_REQUESTED.message);
  });

  it('refuses a link after its hour, and drops its email if it could not be sent in time', async () => {
    clock.set('2026-01-06T03:00:00Z');
    const email = 'hoa@xa.test.example';
    // Asked while no worker runs: the email waits in the outbox, its workflow waits for a worker.
    expect(await requestPasswordReset(t.deps, { email }, { ip: null })).toEqual({ queued: true });
    const row = await world.db.outboxMessage.findFirstOrThrow({ where: { recipient: email, stepKey: 'password-reset' } });
    const token = JSON.parse(row.payload).token as string;

    clock.advance(RESET_LINK_TTL_MS - 60_000);
    expect((await t.app.inject({ method: 'GET', url: `/password-reset/${token}` })).statusCode).toBe(200);
    clock.advance(60_000);
    const expired = await t.app.inject({ method: 'GET', url: `/password-reset/${token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('đã hết hạn');

    const mails = world.catcher.messages().length;
    await withWorker(async () => {
      expect(await world.env.client.workflow.getHandle(mailWorkflowId(row.key)).result()).toEqual({ outcome: 'dropped' });
    });
    expect(world.catcher.messages()).toHaveLength(mails);
    expect(await world.db.outboxMessage.findUniqueOrThrow({ where: { key: row.key } })).toMatchObject({ status: 'failed', payload: '{}' });
  });

  it('keeps the link usable when the new password is refused, saying why', async () => {
    clock.set('2026-01-07T03:00:00Z');
    await requestPasswordReset(t.deps, { email: 'minh@xa.test.example' }, { ip: null });
    const row = await world.db.outboxMessage.findFirstOrThrow({ where: { recipient: 'minh@xa.test.example', status: 'pending' }, orderBy: { claimedAt: 'desc' } });
    const token = JSON.parse(row.payload).token as string;
    const visitor = await visit(t.app);
    const post = (password: string, confirm: string) =>
      t.app.inject({ method: 'POST', url: `/password-reset/${token}`, cookies: { hbc_session: visitor.cookie }, ...form({ password, confirm, _csrf: visitor.csrfToken }) });
    const short = await post('ngắn', 'ngắn');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('password: mật khẩu cần ít nhất 12 ký tự');
    const differ = await post('một mật khẩu đủ dài', 'một mật khẩu khác hẳn');
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain('confirm: hai lần nhập không giống nhau');
    expect((await post(NEW, NEW)).statusCode).toBe(200);
  });

  it('limits requests per email: a mailbox is not flooded', async () => {
    const ask = () => t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email: 'ai-do@xa.test.example' }, remoteAddress: '10.1.0.3' });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await ask()).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
    const refused = await ask();
    expect(refused.json().messageEn).toMatch(/^Several resets were asked for this email address already/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
