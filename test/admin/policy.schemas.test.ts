// The reminder policy schema: what a coordinator may set, and how each refusal reads in
// Vietnamese and English ("path: message" lines, as the API answers them).
import { describe, expect, it } from 'vitest';
import { defaultReminderPolicy, type ReminderPolicy } from '../../src/domain/timeline';
import { reminderPolicySchema } from '../../src/schemas/policy.schemas';
import { parseBody, ServiceError } from '../../src/services/errors';

const base = defaultReminderPolicy;

function refusal(input: unknown): { vi: string[]; en: string[] } {
  try {
    parseBody(reminderPolicySchema, input);
  } catch (err) {
    if (err instanceof ServiceError) return { vi: err.details, en: err.detailsEn };
    throw err;
  }
  throw new Error('accepted');
}

describe('reminder policy schema', () => {
  it.each<[string, ReminderPolicy]>([
    ['the default policy', base],
    ['no reminders, no repeats, no escalation', { ...base, reminderWorkingDaysBefore: [], escalations: [], repeatEveryDays: 0, repeatCap: 0 }],
    ['the earliest and latest hours', { ...base, sendHour: 6, sendMinute: 59, latestSendHour: 21 }],
    ['a send hour of 16 with the default window end (17)', { ...base, sendHour: 16 }],
    ['quiet days and three escalation levels', {
      ...base,
      quietDays: ['2026-11-20', '2026-12-01'],
      escalations: [
        { afterWorkingDays: 2, audience: ['coordinator'] },
        { afterWorkingDays: 5, audience: ['coordinator-head', 'agency-head'] },
        { afterWorkingDays: 10, audience: ['leadership'] },
      ],
    }],
  ])('accepts %s', (_name, policy) => {
    expect(reminderPolicySchema.parse(policy)).toEqual(policy);
  });

  it.each<[string, unknown, string, string]>([
    ['a reminder 0 days before', { ...base, reminderWorkingDaysBefore: [7, 0] }, 'reminderWorkingDaysBefore.1: ít nhất 1 ngày làm việc', 'reminderWorkingDaysBefore.1: at least 1 working day'],
    ['a reminder 61 working days before', { ...base, reminderWorkingDaysBefore: [61] }, 'reminderWorkingDaysBefore.0: nhiều nhất 60 ngày làm việc', 'reminderWorkingDaysBefore.0: at most 60 working days'],
    ['half a day', { ...base, reminderWorkingDaysBefore: [2.5] }, 'reminderWorkingDaysBefore.0: phải là số nguyên', 'reminderWorkingDaysBefore.0: must be a whole number'],
    ['the same offset twice', { ...base, reminderWorkingDaysBefore: [7, 3, 7] }, 'reminderWorkingDaysBefore.2: số ngày bị lặp', 'reminderWorkingDaysBefore.2: the same offset twice'],
    ['eleven reminders', { ...base, reminderWorkingDaysBefore: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'reminderWorkingDaysBefore: nhiều nhất 10 lần nhắc trước hạn', 'reminderWorkingDaysBefore: at most 10 reminders before the deadline'],
    ['sending at 05:00', { ...base, sendHour: 5 }, 'sendHour: không gửi trước 6 giờ sáng', 'sendHour: not before 06:00'],
    ['sending at 19:00', { ...base, sendHour: 19, latestSendHour: 21 }, 'sendHour: không gửi sau 18 giờ', 'sendHour: not after 18:00'],
    ['a window open until 22:00', { ...base, latestSendHour: 22 }, 'latestSendHour: không gửi từ 21 giờ tối', 'latestSendHour: nothing from 21:00 on'],
    ['a window that closes before it opens', { ...base, sendHour: 10, latestSendHour: 9 }, 'latestSendHour: giờ gửi muộn nhất (9 giờ) phải sau giờ gửi (10 giờ)', 'latestSendHour: the latest send hour (9) must be after the send hour (10)'],
    ['a send hour of 17 with the default window end', { ...base, sendHour: 17 }, 'latestSendHour: giờ gửi muộn nhất (17 giờ) phải sau giờ gửi (17 giờ)', 'latestSendHour: the latest send hour (17) must be after the send hour (17)'],
    ['an escalation to nobody', { ...base, escalations: [{ afterWorkingDays: 3, audience: [] }] }, 'escalations.0.audience: cần ít nhất một người nhận', 'escalations.0.audience: at least one audience'],
    ['an escalation to an unknown audience', { ...base, escalations: [{ afterWorkingDays: 3, audience: ['spouse'] }] }, 'escalations.0.audience.0: người nhận không hợp lệ', 'escalations.0.audience.0: unknown audience'],
    ['the same audience twice', { ...base, escalations: [{ afterWorkingDays: 3, audience: ['leadership', 'leadership'] }] }, 'escalations.0.audience.1: người nhận bị lặp', 'escalations.0.audience.1: audience listed twice'],
    ['two levels on the same day', { ...base, escalations: [{ afterWorkingDays: 3, audience: ['coordinator'] }, { afterWorkingDays: 3, audience: ['leadership'] }] }, 'escalations.1.afterWorkingDays: hai cấp cùng số ngày quá hạn', 'escalations.1.afterWorkingDays: two levels with the same delay'],
    ['six escalation levels', { ...base, escalations: [1, 2, 3, 4, 5, 6].map((n) => ({ afterWorkingDays: n, audience: ['coordinator'] })) }, 'escalations: nhiều nhất 5 cấp báo cáo vượt cấp', 'escalations: at most 5 escalation levels'],
    ['repeating every 91 days', { ...base, repeatEveryDays: 91 }, 'repeatEveryDays: nhiều nhất 90 ngày', 'repeatEveryDays: at most 90 days'],
    ['a negative repeat interval', { ...base, repeatEveryDays: -7 }, 'repeatEveryDays: 0 là không nhắc lại', 'repeatEveryDays: 0 means no repeats'],
    ['105 repeats', { ...base, repeatCap: 105 }, 'repeatCap: nhiều nhất 104 lần', 'repeatCap: at most 104 repeats'],
    ['a quiet day that does not exist', { ...base, quietDays: ['2026-02-30'] }, 'quietDays.0: ', 'quietDays.0: '],
    ['a quiet day written dd/MM/yyyy', { ...base, quietDays: ['20/11/2026'] }, 'quietDays.0: ngày phải có dạng YYYY-MM-DD', 'quietDays.0: expected a local day YYYY-MM-DD'],
    ['the same quiet day twice', { ...base, quietDays: ['2026-11-20', '2026-11-20'] }, 'quietDays.1: ngày bị lặp', 'quietDays.1: the same day twice'],
    ['a misspelt field', { ...base, sendhour: 9 }, 'sendhour', 'sendhour'],
    ['a missing field', { ...base, dueToday: undefined }, 'dueToday: ', 'dueToday: '],
  ])('refuses %s, in both languages', (_name, input, vi, en) => {
    const { vi: linesVi, en: linesEn } = refusal(input);
    expect(linesVi).toHaveLength(1);
    expect(linesVi[0]).toContain(vi);
    expect(linesEn[0]).toContain(en);
  });

  it('says every problem at once', () => {
    const { vi } = refusal({ ...base, sendHour: 3, repeatCap: 500, quietDays: ['x'] });
    expect(vi.map((l) => l.split(':')[0])).toEqual(['sendHour', 'repeatCap', 'quietDays.0']);
  });
});
