// A plan's reminder policy (src/domain/timeline.ts ReminderPolicy) as it crosses a boundary:
// the API and the page (PUT /api/plans/:id/reminder-policy), and the JSON stored in
// Plan.reminderPolicy that the `planningContext` activity hands to running workflows. The
// bounds keep a policy sane for people who receive its mail: nothing at night, no more than
// a few reminders and escalation levels, repeats that end.
import { z } from 'zod';
import type { Audience, ReminderPolicy } from '../domain/timeline';
import { DEFAULT_LATEST_SEND_HOUR } from '../domain/timeline';
import { isoDaySchema } from './calendar.schemas';

export const AUDIENCES = ['agency-contacts', 'agency-head', 'coordinator', 'coordinator-head', 'leadership'] as const satisfies readonly Audience[];

/** Vietnamese names of the audiences, for pages. */
export const AUDIENCE_NAMES_VI: Record<Audience, string> = {
  'agency-contacts': 'Đầu mối của đơn vị',
  'agency-head': 'Thủ trưởng đơn vị',
  coordinator: 'Cơ quan đầu mối',
  'coordinator-head': 'Lãnh đạo cơ quan đầu mối',
  leadership: 'Lãnh đạo UBND',
};

/** Earliest and latest local hours a step may be planned at: office hours, never at night. */
export const EARLIEST_SEND_HOUR = 6;
export const LATEST_SEND_HOUR_CAP = 21;
/** The latest hour a day's steps may be planned at. */
export const LATEST_FIRST_SEND_HOUR = 18;
/** Reminders and escalations more than three months of working days away are not reminders. */
export const MAX_WORKING_DAYS = 60;

const workingDays = z
  .number()
  .int('phải là số nguyên / must be a whole number')
  .min(1, 'ít nhất 1 ngày làm việc / at least 1 working day')
  .max(MAX_WORKING_DAYS, `nhiều nhất ${MAX_WORKING_DAYS} ngày làm việc / at most ${MAX_WORKING_DAYS} working days`);

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/** Refuses a second item with the same key (`field`: where the key is, for the issue's path). */
function distinct<T>(message: string, key: (item: T) => unknown = (item) => item, field?: string) {
  return (items: readonly T[], ctx: IssueSink) => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: field ? [i, field] : [i], message });
      seen.add(k);
    });
  };
}

const escalationLevelSchema = z.strictObject({
  afterWorkingDays: workingDays,
  audience: z
    .array(z.enum(AUDIENCES, 'người nhận không hợp lệ / unknown audience'))
    .min(1, 'cần ít nhất một người nhận / at least one audience')
    .max(AUDIENCES.length)
    .superRefine(distinct('người nhận bị lặp / audience listed twice')),
});

export const reminderPolicySchema = z
  .strictObject({
    reminderWorkingDaysBefore: z
      .array(workingDays)
      .max(10, 'nhiều nhất 10 lần nhắc trước hạn / at most 10 reminders before the deadline')
      .superRefine(distinct('số ngày bị lặp / the same offset twice')),
    sendHour: z
      .number()
      .int('phải là số nguyên / must be a whole number')
      .min(EARLIEST_SEND_HOUR, `không gửi trước ${EARLIEST_SEND_HOUR} giờ sáng / not before 06:00`)
      .max(LATEST_FIRST_SEND_HOUR, `không gửi sau ${LATEST_FIRST_SEND_HOUR} giờ / not after ${LATEST_FIRST_SEND_HOUR}:00`),
    sendMinute: z.number().int('phải là số nguyên / must be a whole number').min(0).max(59),
    latestSendHour: z
      .number()
      .int('phải là số nguyên / must be a whole number')
      .min(EARLIEST_SEND_HOUR + 1)
      .max(LATEST_SEND_HOUR_CAP, `không gửi từ ${LATEST_SEND_HOUR_CAP} giờ tối / nothing from 21:00 on`)
      .optional(),
    dueToday: z.boolean(),
    overdue: z.boolean(),
    escalations: z
      .array(escalationLevelSchema)
      .max(5, 'nhiều nhất 5 cấp báo cáo vượt cấp / at most 5 escalation levels')
      .superRefine(distinct('hai cấp cùng số ngày quá hạn / two levels with the same delay', (l: { afterWorkingDays: number }) => l.afterWorkingDays, 'afterWorkingDays')),
    repeatEveryDays: z
      .number()
      .int('phải là số nguyên / must be a whole number')
      .min(0, '0 là không nhắc lại / 0 means no repeats')
      .max(90, 'nhiều nhất 90 ngày / at most 90 days'),
    repeatCap: z.number().int('phải là số nguyên / must be a whole number').min(0).max(104, 'nhiều nhất 104 lần / at most 104 repeats'),
    quietDays: z
      .array(isoDaySchema)
      .max(366, 'nhiều nhất 366 ngày / at most 366 days')
      .superRefine(distinct('ngày bị lặp / the same day twice')),
  })
  .superRefine((p, ctx) => {
    // The sending window (src/domain/timeline.ts nextSendingInstant) must be open for an hour at least.
    // A send hour already refused by its own bounds is the one problem to report.
    if (p.sendHour < EARLIEST_SEND_HOUR || p.sendHour > LATEST_FIRST_SEND_HOUR) return;
    const latest = p.latestSendHour ?? DEFAULT_LATEST_SEND_HOUR;
    if (latest <= p.sendHour) {
      ctx.addIssue({
        code: 'custom',
        path: ['latestSendHour'],
        message: `giờ gửi muộn nhất (${latest} giờ) phải sau giờ gửi (${p.sendHour} giờ) / the latest send hour (${latest}) must be after the send hour (${p.sendHour})`,
      });
    }
  }) satisfies z.ZodType<ReminderPolicy>;

export type ReminderPolicyBody = z.infer<typeof reminderPolicySchema>;

/** What GET /api/plans/:id/reminder-policy answers: the policy in force and whether it is the default one. */
export interface PlanReminderPolicy {
  planId: string;
  policy: ReminderPolicy;
  /** True when the plan has no policy of its own (DOMAIN.md's default applies). */
  isDefault: boolean;
}
