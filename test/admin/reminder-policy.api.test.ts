// A plan's reminder policy through the API and its page: anyone who reads the plan reads
// it, its organisation's coordinator and administrator change it, a bad policy is refused
// with its reasons, and every change is in the audit log.
import { describe, expect, it } from 'vitest';
import { defaultReminderPolicy } from '../../src/domain/timeline';
import { adminWorld, createUser } from './admin-world';

const PASSWORD = 'mật khẩu đủ dài 12';
const url = '/api/plans/plan/reminder-policy';
const mine = { ...defaultReminderPolicy, reminderWorkingDaysBefore: [10, 5], sendHour: 7, sendMinute: 30, escalations: [{ afterWorkingDays: 2, audience: ['coordinator-head'] }] };

describe('reminder policy API', () => {
  const w = adminWorld(async (db) => {
    await createUser(db, { email: 'vhxh@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'coordinator' }] });
    await createUser(db, { email: 'lanhdao@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'leader' }] });
  });

  it('answers the default policy until the plan has its own, then that one, then the default again', async () => {
    expect((await w.app.inject({ method: 'GET', url, headers: w.as.leader })).json()).toEqual({ planId: 'plan', policy: defaultReminderPolicy, isDefault: true });
    const put = await w.app.inject({ method: 'PUT', url, headers: w.as.coordinator, payload: mine });
    expect(put.json()).toEqual({ planId: 'plan', policy: mine, isDefault: false });
    expect((await w.app.inject({ method: 'GET', url, headers: w.as.provinceAuditor })).json().policy).toEqual(mine);
    expect((await w.db.plan.findUniqueOrThrow({ where: { id: 'plan' } })).reminderPolicy).toBe(JSON.stringify(mine));
    expect((await w.app.inject({ method: 'DELETE', url, headers: w.as.communeAdmin })).json()).toMatchObject({ isDefault: true });
    expect((await w.db.plan.findUniqueOrThrow({ where: { id: 'plan' } })).reminderPolicy).toBeNull();
    const audit = await w.db.auditEvent.findMany({ where: { action: 'plan.policy' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorType, JSON.parse(a.after!).isDefault])).toEqual([
      ['token', false],
      ['token', true],
    ]);
  });

  it.each([
    ['the commune leader', 'leader', 403],
    ['the province administrator (reads, may not change)', 'provinceAdmin', 403],
    ['a sibling commune (not revealed)', 'siblingAdmin', 404],
    ['the coordinator', 'coordinator', 200],
  ])('changing it: %s -> %s', async (_who, who, status) => {
    expect((await w.app.inject({ method: 'PUT', url, headers: w.as[who], payload: mine })).statusCode).toBe(status);
  });

  it('refuses a policy that would send at night, in Vietnamese and English', async () => {
    const res = await w.app.inject({ method: 'PUT', url, headers: w.as.coordinator, payload: { ...mine, sendHour: 22 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ details: ['sendHour: không gửi sau 18 giờ'], detailsEn: ['sendHour: not after 18:00'] });
  });

  it('shows a form to the coordinator and a read-only page to the leader', async () => {
    const coordinator = await w.signIn('vhxh@org.test.example', PASSWORD);
    const page = await w.app.inject({ method: 'GET', url: '/plans/plan/reminder-policy', cookies: coordinator.cookies, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kế hoạch 77/KH-UBND');
    expect(page.body).toContain('Lưu chính sách');
    expect(page.body).not.toContain('<fieldset disabled');
    const leader = await w.signIn('lanhdao@org.test.example', PASSWORD);
    const readOnly = await w.app.inject({ method: 'GET', url: '/plans/plan/reminder-policy', cookies: leader.cookies, headers: { accept: 'text/html' } });
    expect(readOnly.body).toContain('<fieldset disabled');
    expect(readOnly.body).not.toContain('Lưu chính sách');
  });

  it('saves the form: offsets, time, escalation rows and quiet days written dd/MM/yyyy', async () => {
    const { cookies, csrf } = await w.signIn('vhxh@org.test.example', PASSWORD);
    const form = new URLSearchParams([
      ['_csrf', csrf],
      ['reminderWorkingDaysBefore', '10, 4 ,1'],
      ['sendHour', '9'],
      ['sendMinute', '15'],
      ['latestSendHour', ''],
      ['overdue', 'on'],
      ['escalation1Days', '3'],
      ['escalation1Audience', 'coordinator-head'],
      ['escalation1Audience', 'coordinator'],
      ['escalation2Days', ''],
      ['escalation3Days', '8'],
      ['escalation3Audience', 'leadership'],
      ['repeatEveryDays', '14'],
      ['repeatCap', '4'],
      ['quietDays', '20/11/2026\n2026-12-01'],
    ]);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const res = await w.app.inject({ method: 'POST', url: '/plans/plan/reminder-policy', cookies, headers, payload: form.toString() });
    expect([res.statusCode, res.headers.location]).toEqual([303, '/plans/plan/reminder-policy?saved']);
    expect((await w.app.inject({ method: 'GET', url, headers: w.as.leader })).json().policy).toEqual({
      reminderWorkingDaysBefore: [10, 4, 1],
      sendHour: 9,
      sendMinute: 15,
      dueToday: false,
      overdue: true,
      escalations: [
        { afterWorkingDays: 3, audience: ['coordinator-head', 'coordinator'] },
        { afterWorkingDays: 8, audience: ['leadership'] },
      ],
      repeatEveryDays: 14,
      repeatCap: 4,
      quietDays: ['2026-11-20', '2026-12-01'],
    });

    form.set('sendHour', '5');
    form.set('quietDays', '31/02/2026');
    const bad = await w.app.inject({ method: 'POST', url: '/plans/plan/reminder-policy', cookies, headers, payload: form.toString() });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sendHour: không gửi trước 6 giờ sáng');
    expect(bad.body).toContain('quietDays.0: ');
    // What was typed is shown again, the checked audiences included.
    expect(bad.body).toContain('value="10, 4 ,1"');
    expect(bad.body).toMatch(/name="escalation1Audience" value="coordinator" checked/);
  });
});
