// Guessing passwords: the 11th wrong password within a minute is refused, the right one
// too while the account is locked, and it is accepted once the lock has passed; a lock
// survives a restart (it is in the database), an address without an account is refused
// like one with, one machine cannot try many accounts, and no log line holds a password.
// The clock is the app's own, moved by the test: nothing sleeps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_MS } from '../../src/services/sign-in';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { movableClock, testApp, type TestApp } from './helpers';

const PASSWORD = 'đúng mật khẩu 2026';

describe('sign-in against guessing', () => {
  let testDb: ReturnType<typeof createTestDb>;
  const clock = movableClock('2026-10-20T03:00:00Z'); // 10:00, Tuesday 20/10/2026, local
  const opened: TestApp[] = [];
  const open = () => {
    const t = testApp(testDb.db, clock);
    opened.push(t);
    return t;
  };

  beforeAll(async () => {
    testDb = createTestDb();
    await testDb.db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    for (const name of ['lan', 'minh', 'hoa', 'khoa']) {
      await createUser(testDb.db, { email: `${name}@xa.test.example`, password: PASSWORD, grants: [{ organisationId: 'xa', role: 'coordinator' }] });
    }
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });
  afterAll(async () => testDb?.cleanup());

  const attempt = (t: TestApp, email: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress });

  it('refuses the 11th wrong password within a minute and the right one while locked, and accepts it after the lock', async () => {
    clock.set('2026-10-20T03:00:00Z');
    const t = open();
    const email = 'lan@xa.test.example';
    for (let i = 1; i <= 10; i++) {
      const res = await attempt(t, email, `sai ${i}`);
      expect(res.statusCode, `wrong password ${i}`).toBe(401);
      clock.advance(5_000); // ten tries in 50 seconds
    }
    const eleventh = await attempt(t, email, 'sai 11');
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json()).toMatchObject({
      error: 'rate-limited',
      message: expect.stringContaining('cho đến 10:16 Thứ Ba, 20/10/2026'),
      messageEn: expect.stringContaining('until 10:16 on Tuesday 20/10/2026 (Asia/Ho_Chi_Minh)'),
    });
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(14 * 60);

    const rightWhileLocked = await attempt(t, email, PASSWORD);
    expect(rightWhileLocked.statusCode).toBe(429);
    const row = await testDb.db.user.findUniqueOrThrow({ where: { email } });
    expect(row.lockedUntil).toEqual(new Date('2026-10-20T03:15:45Z')); // 15 minutes after the 10th failure

    clock.set(new Date(row.lockedUntil!.getTime() + 1_000));
    const after = await attempt(t, email, PASSWORD);
    expect(after.statusCode).toBe(201);
    expect(await testDb.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ failedLogins: 0, lockedUntil: null });
    const locks = await testDb.db.auditEvent.findMany({ where: { action: 'account.lock', subjectId: row.id } });
    expect(locks).toMatchObject([{ actorType: 'anonymous', ip: '127.0.0.1', subjectType: 'user' }]);
  });

  it('keeps the lock in the database: a restarted app refuses the right password until the lock ends', async () => {
    clock.set('2026-10-21T03:00:00Z');
    const email = 'minh@xa.test.example';
    const before = open();
    // Slow guessing, a try every two minutes: the in-memory limits never see a burst, the lock does.
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(before, email, `sai ${i}`)).statusCode).toBe(401);
      clock.advance(2 * 60_000);
    }
    const restarted = open();
    const refused = await attempt(restarted, email, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(restarted.logs.find((l) => l.msg === 'sign-in refused')).toMatchObject({ signIn: { email, reason: 'locked' } });
    clock.advance(LOCKOUT_MS);
    expect((await attempt(restarted, email, PASSWORD)).statusCode).toBe(201);
  });

  it('starts the count again after a success', async () => {
    clock.set('2026-10-22T03:00:00Z');
    const t = open();
    const email = 'hoa@xa.test.example';
    for (let i = 1; i <= 9; i++) expect((await attempt(t, email, `sai ${i}`)).statusCode).toBe(401);
    expect((await attempt(t, email, PASSWORD)).statusCode).toBe(201);
    clock.advance(LOCKOUT_MS + 60_000); // past the per-email window: only the database counts now
    for (let i = 1; i <= 9; i++) expect((await attempt(t, email, `lại sai ${i}`)).statusCode).toBe(401);
    expect(await testDb.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ failedLogins: 9, lockedUntil: null });
  });

  it('never limits a person for signing in often: only failures count against an email', async () => {
    clock.set('2026-10-26T03:00:00Z');
    const t = open();
    for (let i = 1; i <= 12; i++) expect((await attempt(t, 'khoa@xa.test.example', PASSWORD, `10.0.1.${i}`)).statusCode, `sign-in ${i}`).toBe(201);
  });

  it('refuses an address without an account like one with, after as many tries', async () => {
    clock.set('2026-10-23T03:00:00Z');
    const t = open();
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push(await attempt(t, 'khong-co@xa.test.example', `sai ${i}`, '10.0.0.2'));
    expect(answers.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    expect(answers[10]!.statusCode).toBe(429);
    expect(answers[10]!.json().message).toMatch(/^Đăng nhập sai quá nhiều lần với địa chỉ email này; tạm thời không đăng nhập được cho đến /);
    expect(answers[0]!.json().message).toBe('Email hoặc mật khẩu không đúng.');
  });

  it('stops one network address from trying many accounts', async () => {
    clock.set('2026-10-24T03:00:00Z');
    const t = open();
    const codes = [];
    for (let i = 1; i <= 31; i++) codes.push((await attempt(t, `nguoi-${i}@xa.test.example`, 'đoán', '10.0.0.3')).statusCode);
    expect(codes.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(codes[30]).toBe(429);
    // Another machine is not held back by that one.
    expect((await attempt(t, 'khoa@xa.test.example', PASSWORD, '10.0.0.4')).statusCode).toBe(201);
  });

  it('refuses on the sign-in form too, with the page, and logs each refusal without the password', async () => {
    clock.set('2026-10-25T03:00:00Z');
    const t = open();
    const form = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: new URLSearchParams({ email: 'KHOA@xa.test.example', password }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: '10.0.0.5',
      });
    const answers = [];
    for (let i = 1; i <= 11; i++) answers.push(await form(`bí-mật-sai-${i}`));
    expect(answers[0]!.statusCode).toBe(401);
    expect(answers[10]!.statusCode).toBe(429);
    expect(answers[10]!.headers['content-type']).toMatch(/^text\/html/);
    expect(answers[10]!.body).toContain('Đăng nhập sai quá nhiều lần với địa chỉ email này');
    const refusals = t.logs.filter((l) => l.msg === 'sign-in refused');
    expect(refusals).toHaveLength(11);
    expect(refusals[0]).toMatchObject({ level: 40, signIn: { email: 'khoa@xa.test.example', reason: 'wrong-password' } });
    expect(refusals[10]).toMatchObject({ signIn: { reason: expect.stringMatching(/^(locked|rate-limited)$/) } });
    expect(t.raw.join('\n')).not.toContain('bí-mật-sai');
  });
});
