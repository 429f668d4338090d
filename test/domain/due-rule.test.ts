import { describe, expect, it } from 'vitest';
import { parseDueRule, recurrenceOf } from '../../src/domain/due-rule';

describe('parseDueRule reads the wordings plans use', () => {
  it.each([
    ['trước ngày 05/11 hằng năm', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: false } }], 'annual'],
    ['trước ngày 5/11 hàng năm', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: false } }], 'annual'],
    ['Trước ngày 15 tháng 11', [{ kind: 'annual', due: { day: 15, month: 11, inclusive: false } }], 'annual'],
    ['trước 30/11 hằng năm', [{ kind: 'annual', due: { day: 30, month: 11, inclusive: false } }], 'annual'],
    ['định kỳ hằng năm, trước ngày 30-11', [{ kind: 'annual', due: { day: 30, month: 11, inclusive: false } }], 'annual'],
    ['chậm nhất ngày 05/11', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: true } }], 'annual'],
    ['trong ngày 05.11 hằng năm', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: true } }], 'annual'],
    ['đến hết ngày 05/11', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: true } }], 'annual'],
    [
      'báo cáo 6 tháng trước ngày 5/6 và báo cáo năm trước ngày 5/12',
      [
        { kind: 'semiannual', due: { day: 5, month: 6, inclusive: false } },
        { kind: 'annual', due: { day: 5, month: 12, inclusive: false } },
      ],
      'semiannual',
    ],
    ['trước ngày 20 hằng tháng', [{ kind: 'monthly', dayOfMonth: 20, inclusive: false, monthOffset: 0 }], 'monthly'],
    ['hằng tháng, chậm nhất ngày 5 tháng sau', [{ kind: 'monthly', dayOfMonth: 5, inclusive: true, monthOffset: 1 }], 'monthly'],
    ['hằng quý, trước ngày 15 của tháng cuối quý', [{ kind: 'quarterly', dayOfMonth: 15, inclusive: false, monthOffset: 0 }], 'quarterly'],
    ['trước ngày 30/06/2027', [{ kind: 'once', date: { year: 2027, month: 6, day: 30 }, inclusive: false }], 'once'],
    ['đột xuất theo yêu cầu', [], 'adhoc'],
    // Words ending in a Vietnamese letter ("quý", "quá") need Unicode word boundaries.
    ['báo cáo quý trước ngày 15 tháng cuối quý', [{ kind: 'quarterly', dayOfMonth: 15, inclusive: false, monthOffset: 0 }], 'quarterly'],
    ['báo cáo quý, chậm nhất ngày 10 của tháng đầu quý sau', [{ kind: 'quarterly', dayOfMonth: 10, inclusive: true, monthOffset: 1 }], 'quarterly'],
    ['định kỳ theo quý, trước ngày 20 của tháng cuối quý', [{ kind: 'quarterly', dayOfMonth: 20, inclusive: false, monthOffset: 0 }], 'quarterly'],
    // "tháng sau" alone says the report is monthly: the following month's 20th, inclusive.
    ['chậm nhất ngày 20 tháng sau', [{ kind: 'monthly', dayOfMonth: 20, inclusive: true, monthOffset: 1 }], 'monthly'],
    ['trước ngày 10 của tháng tiếp theo', [{ kind: 'monthly', dayOfMonth: 10, inclusive: false, monthOffset: 1 }], 'monthly'],
    // "không quá ngày D" is "no later than D": D is still on time.
    ['không quá ngày 20/12 hằng năm', [{ kind: 'annual', due: { day: 20, month: 12, inclusive: true } }], 'annual'],
    ['gửi không quá 20/12 hằng năm', [{ kind: 'annual', due: { day: 20, month: 12, inclusive: true } }], 'annual'],
    // Digits are word characters too: "16 tháng 11" is not a six-month report.
    ['trước ngày 16 tháng 11 hằng năm', [{ kind: 'annual', due: { day: 16, month: 11, inclusive: false } }], 'annual'],
    ['báo cáo 6 tháng trước ngày 16/6', [{ kind: 'semiannual', due: { day: 16, month: 6, inclusive: false } }], 'semiannual'],
    // "quý cơ quan" is the courtesy "your agency", not a quarter.
    ['đề nghị quý cơ quan báo cáo trước ngày 05/11 hằng năm', [{ kind: 'annual', due: { day: 5, month: 11, inclusive: false } }], 'annual'],
    // A "trước" that belongs to another word group does not make an inclusive date exclusive.
    ['số liệu năm trước chậm nhất ngày 10/01 hằng năm', [{ kind: 'annual', due: { day: 10, month: 1, inclusive: true } }], 'annual'],
  ])('"%s"', (text, schedules, recurrence) => {
    const rule = parseDueRule(text);
    expect(rule.schedules).toEqual(schedules);
    expect(recurrenceOf(rule)).toBe(recurrence);
  });

  it('keeps the rule\'s own words, normalised to NFC with debris removed', () => {
    const decomposed = 'trước ngày 05/11 hằng năm'.normalize('NFD');
    expect(parseDueRule(`**${decomposed}**`).text).toBe('trước ngày 05/11 hằng năm');
  });

  it.each([
    ['khi có yêu cầu của cấp trên về việc này', 'unreadable-due-rule'],
    ['', 'unreadable-due-rule'],
    ['trước ngày 31/02 hằng năm', 'invalid-date'],
    ['trước ngày 5/13 hằng năm', 'invalid-date'],
    ['hằng tháng, trước ngày 31', 'unreadable-due-rule'],
  ])('refuses "%s" with %s, in Vietnamese and English', (text, code) => {
    expect(() => parseDueRule(text)).toThrowError(
      expect.objectContaining({ code, messageVi: expect.stringMatching(/\S/), messageEn: expect.stringMatching(/\S/) }) as unknown as Error,
    );
  });
});
