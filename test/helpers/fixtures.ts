// A small commune for tests: one reporting agency with two contacts and a head, a
// coordinator office with a contact and a head, and leadership. Addresses are under the
// reserved .example domain.
import { asyncLocalStorage, type Context } from '@temporalio/activity';
import nodemailer from 'nodemailer';
import { createActivities } from '../../activities';
import type { WorkflowStarter } from '../../activities/deps';
import type { Db } from '../../src/db';

export const PEOPLE = {
  agencyContacts: ['vanthu@tyt.test.example', 'ketoan@tyt.test.example'],
  agencyHead: 'tramtruong@tyt.test.example',
  coordinator: 'vhxh@xa.test.example',
  coordinatorHead: 'truongphong@xa.test.example',
  leadership: 'chutich@xa.test.example',
} as const;

export async function seedObligation(db: Db, ruleText = 'trước ngày 05/11 hằng năm'): Promise<string> {
  await db.organisation.create({
    data: { id: 'org', name: 'UBND xã Thử Nghiệm', kind: 'commune', leadershipName: 'Chủ tịch UBND xã', leadershipEmail: PEOPLE.leadership },
  });
  await db.agency.create({
    data: {
      id: 'coord', organisationId: 'org', name: 'Phòng Văn hóa – Xã hội', headName: 'Trưởng phòng', headEmail: PEOPLE.coordinatorHead,
      contacts: { create: [{ id: 'coord.1', name: 'Chuyên viên VH-XH', email: PEOPLE.coordinator }] },
    },
  });
  await db.agency.create({
    data: {
      id: 'tyt', organisationId: 'org', name: 'Trạm Y tế xã', headName: 'Trạm trưởng', headEmail: PEOPLE.agencyHead,
      contacts: {
        create: PEOPLE.agencyContacts.map((email, i) => ({ id: `tyt.${i}`, name: `Cán bộ ${i + 1}`, email })),
      },
    },
  });
  await db.plan.create({
    data: {
      id: 'plan', organisationId: 'org', number: '77/KH-UBND', title: 'Kế hoạch thử nghiệm về bình đẳng giới',
      issuedOn: '2026-03-01', spanFrom: 2026, spanTo: 2040, coordinatorAgencyId: 'coord',
    },
  });
  await db.obligation.create({
    data: { id: 'obl', planId: 'plan', agencyId: 'tyt', ruleText, indicators: 'Mục tiêu 4; chỉ tiêu 3, 4 của mục tiêu 3' },
  });
  return 'obl';
}

/**
 * The obligation "trước ngày 15/11 hằng năm" with its 2040 period (last day Wednesday
 * 14/11/2040, data window 15/12/2039 to 14/12/2040): the workflow tests' common deadline.
 */
export async function seedYearly2040(db: Db): Promise<void> {
  await seedObligation(db, 'trước ngày 15/11 hằng năm');
  await seedDeadline(db, {
    id: 'obl.2040', periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
    dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14',
  });
}

export async function seedDeadline(
  db: Db,
  d: { id: string; periodKey: string; periodLabel: string; lastDay: string; dueAt: Date; dataFrom: string; dataTo: string },
): Promise<void> {
  await db.deadline.create({
    data: { ...d, obligationId: 'obl', status: 'open', workflowId: `deadline/${d.id}` },
  });
}

/**
 * Inside an activity, the Temporal server's time at which this attempt was scheduled; outside
 * one, the wall clock. On the time-skipping server, activities and workflows then share one
 * clock (2040 in the workflow tests), whatever today's date is, as they do in production.
 */
export function serverClock(): Date {
  const context = asyncLocalStorage.getStore() as Context | undefined;
  return context ? new Date(context.info.currentAttemptScheduledTimestampMs) : new Date();
}

/**
 * The activities as the worker builds them, sending to a test SMTP server on 127.0.0.1 and
 * starting/signalling workflows through `temporal`, as production always does (every
 * ladder step goes through the recipient's daily digest). `override` replaces single
 * activities (an activity that takes an hour, in the drift test).
 */
export function testActivities(db: Db, smtpPort: number, temporal: WorkflowStarter, override: Partial<ReturnType<typeof createActivities>> = {}) {
  return {
    ...createActivities({
      temporal,
      db,
      mailer: nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true }),
      clock: serverClock,
      publicUrl: 'http://hbc.test',
      mailFrom: 'Hạn báo cáo <hbc@test.example>',
    }),
    ...override,
  };
}
