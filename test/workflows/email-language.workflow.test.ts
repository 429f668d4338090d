// A contact who chose English gets the reminders in English, with the English weekday; the
// other contact of the same agency keeps the Vietnamese email; the agency's name, typed with
// markup, stays escaped in both. Time-skipping server, real SMTP and SQLite, the deadline
// workflow as production runs it (every step through the recipient's daily digest).
// Deadline: Wednesday 14/11/2040 ("trước ngày 15/11"), 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { updateContact } from '../../src/services/admin/agencies';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedYearly2040, testActivities } from '../helpers/fixtures';
import { actorWith } from '../helpers/principals';
import { timeSkippingWorld } from '../helpers/world';

const [vietnamese, english] = PEOPLE.agencyContacts;
const HOSTILE = 'Trạm <b>Y tế</b> "xã" & <script>alert(1)</script>';
const coordinator = actorWith([{ organisationId: 'org', role: 'coordinator' }], { id: 'u-vhxh', label: 'vhxh@xa.test.example' });

describe('emails in the language each contact chose', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedYearly2040(db);
    await db.agency.update({ where: { id: 'tyt' }, data: { name: HOSTILE } });
  });

  it('sends the English contact an English reminder with the English weekday, and the Vietnamese one the Vietnamese email', async () => {
    // Chosen through the service the admin page and the API use.
    const saved = await updateContact({ db: world.db, clock: () => new Date('2040-11-01T00:00:00Z') }, coordinator, 'tyt', 'tyt.1', { language: 'en' });
    expect(saved).toMatchObject({ email: english, language: 'en' });

    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'language',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('language')),
    });
    await world.sleepUntil('2040-11-12T05:00:00Z'); // Monday 12/11, after the 3-working-day reminder's hour
    await worker.runUntil(async () => {
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'language',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      await world.sleepUntil('2040-11-13T05:00:00Z'); // Tuesday 13/11, after the 1-working-day reminder
      await world.catcher.waitFor(2, (m) => m.headers['x-hbc-step'] === 'reminder-1wd');
    });

    const reminders = world.catcher.messages().filter((m) => m.headers['x-hbc-step'] === 'reminder-1wd');
    const en = reminders.find((m) => m.to.includes(english))!;
    const vi = reminders.find((m) => m.to.includes(vietnamese))!;

    expect(en.subject).toBe(`[Reminder] 77/KH-UBND – ${HOSTILE}: report for Year 2040, due Wednesday, 14/11/2040`);
    expect(en.text).toContain(`To: ${HOSTILE}`);
    expect(en.text).toContain('A reminder of the deadline for the following report.');
    expect(en.text).toContain('Last day on time: Wednesday, 14/11/2040');
    expect(en.text).toContain('Reporting period: Year 2040');
    // What people typed is quoted as typed: the plan's title and rule stay Vietnamese.
    expect(en.text).toContain('Rule (as written): trước ngày 15/11 hằng năm');
    expect(en.text).not.toMatch(/Kính gửi|Xin nhắc|Thứ Tư/);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Last day on time</th><td>Wednesday, 14/11/2040');
    expect(en.html).toContain('Trạm &#60;b&#62;Y tế&#60;/b&#62; &#34;xã&#34; &#38; &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(en.html).not.toContain('<script>');
    expect(en.html).not.toContain('<b>Y tế</b>');
    // The agency's link goes through the language switch, so its pages open in English too.
    expect(en.text).toMatch(/Send the report here \(no sign-in needed\): http:\/\/hbc\.test\/lang\/en\?next=%2Fbao-cao%2F[\w.-]+\n/);

    expect(vi.subject).toBe(`[Nhắc hạn] 77/KH-UBND – ${HOSTILE}: báo cáo năm 2040, hạn Thứ Tư, 14/11/2040`);
    expect(vi.text).toContain(`Kính gửi: ${HOSTILE}`);
    expect(vi.text).toContain('Ngày cuối cùng đúng hạn: Thứ Tư, 14/11/2040');
    expect(vi.text).not.toMatch(/Wednesday|Reminder/);
    expect(vi.text).toMatch(/Gửi báo cáo tại đây \(không cần đăng nhập\): http:\/\/hbc\.test\/bao-cao\/[\w.-]+\n/);
    expect(vi.html).toContain('<html lang="vi">');
    expect(vi.html).not.toContain('<script>');

    // The outbox row, shown on the deadline page, keeps the subject each recipient got.
    const rows = await world.db.outboxMessage.findMany({ where: { stepKey: 'reminder-1wd' }, orderBy: { recipient: 'asc' } });
    expect(rows.map((r) => [r.recipient, r.subject])).toEqual([
      [english, en.subject],
      [vietnamese, vi.subject],
    ]);
  });
});
