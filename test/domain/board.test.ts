import { describe, expect, it } from 'vitest';
import { ageingBucket, boardEntry, countBoard, formatRate, ratesOf, type BoardEntry } from '../../src/domain/board';
import { parseIsoDate } from '../../src/domain/local-date';
import { officialCalendar } from '../../src/domain/official-calendar';
import type { DeadlineFacts } from '../../src/domain/status';

const calendar = officialCalendar();
const wed = { lastDay: parseIsoDate('2026-11-04') }; // Wednesday
const sat = { lastDay: parseIsoDate('2026-11-14') }; // Saturday
const beforeTet = { lastDay: parseIsoDate('2027-02-03') }; // Wednesday; Tết 2027 is 05/02 and 08–11/02

describe('boardEntry: the official four-way status and working days late, at an explicit now', () => {
  it.each<[string, DeadlineFacts, string, Partial<BoardEntry>]>([
    ['not yet due weeks before', wed, '2026-10-20T03:00:00Z', { official: 'not-due', workingDaysLate: 0, ageing: null }],
    ['not yet due on the last day itself', wed, '2026-11-04T16:59:00Z', { official: 'not-due', ageing: null }],
    ['overdue 1 working day the next morning', wed, '2026-11-05T03:00:00Z', { official: 'overdue', workingDaysLate: 1, ageing: '1-3' }],
    ['overdue 3 working days on the Monday (the weekend does not count)', wed, '2026-11-09T03:00:00Z', { official: 'overdue', workingDaysLate: 3, ageing: '1-3' }],
    ['overdue 4 working days on the Tuesday', wed, '2026-11-10T03:00:00Z', { official: 'overdue', workingDaysLate: 4, ageing: '4-7' }],
    ['overdue 7 working days on the next Friday', wed, '2026-11-13T03:00:00Z', { official: 'overdue', workingDaysLate: 7, ageing: '4-7' }],
    ['overdue 8 working days on the Monday after', wed, '2026-11-16T03:00:00Z', { official: 'overdue', workingDaysLate: 8, ageing: '8-30' }],
    // 24/11 (Ngày Văn hóa Việt Nam) is a day off: 30 working days are reached on 17/12, not 16/12.
    ['overdue 29 working days on 16/12, past the 24/11 holiday', wed, '2026-12-16T03:00:00Z', { official: 'overdue', workingDaysLate: 29, ageing: '8-30' }],
    ['overdue 30 working days on 17/12', wed, '2026-12-17T03:00:00Z', { official: 'overdue', workingDaysLate: 30, ageing: '8-30' }],
    ['overdue over 30 working days on 18/12', wed, '2026-12-18T03:00:00Z', { official: 'overdue', workingDaysLate: 31, ageing: '30+' }],
    ['overdue since a Saturday last day, on the Sunday: 0 working days, first bucket', sat, '2026-11-15T03:00:00Z', { official: 'overdue', workingDaysLate: 0, ageing: '1-3' }],
    ['Tết does not age an overdue report: 14 calendar days are 5 working days', beforeTet, '2027-02-17T03:00:00Z', { official: 'overdue', workingDaysLate: 5, ageing: '4-7' }],
    ['an escalated item is overdue, with its level', { ...wed, escalation: { level: 2, to: 'Chủ tịch UBND' } }, '2026-11-16T03:00:00Z', { official: 'overdue', escalationLevel: 2, state: 'escalated' }],
    ['completed on time', { ...wed, submittedAt: new Date('2026-11-04T10:00:00Z') }, '2026-11-20T03:00:00Z', { official: 'on-time', workingDaysLate: 0, ageing: null }],
    ['completed late, 4 working days after the last day', { ...wed, submittedAt: new Date('2026-11-10T03:00:00Z') }, '2026-11-20T03:00:00Z', { official: 'late', workingDaysLate: 4, ageing: null }],
    ['waived', { ...wed, waived: true }, '2026-11-20T03:00:00Z', { official: 'waived', workingDaysLate: 0 }],
    ['extended and not yet due under the new date', { lastDay: parseIsoDate('2026-11-20'), extendedFrom: wed.lastDay }, '2026-11-10T03:00:00Z', { official: 'not-due', extended: true }],
  ])('%s', (_name, facts, now, expected) => {
    expect(boardEntry(facts, new Date(now), calendar)).toMatchObject(expected);
  });
});

describe('ageingBucket at its edges', () => {
  it.each([[0, '1-3'], [1, '1-3'], [3, '1-3'], [4, '4-7'], [7, '4-7'], [8, '8-30'], [30, '8-30'], [31, '30+'], [400, '30+']] as const)('%i working days -> %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket);
  });
});

describe('counts and rates', () => {
  const now = new Date('2026-11-16T03:00:00Z');
  const entries = [
    boardEntry({ ...wed, submittedAt: new Date('2026-11-03T03:00:00Z') }, now, calendar),
    boardEntry({ ...wed, submittedAt: new Date('2026-11-03T03:00:00Z'), extendedFrom: parseIsoDate('2026-11-01') }, now, calendar),
    boardEntry({ ...wed, submittedAt: new Date('2026-11-06T03:00:00Z') }, now, calendar),
    boardEntry(wed, now, calendar),
    boardEntry({ lastDay: parseIsoDate('2026-11-12') }, now, calendar),
    boardEntry({ lastDay: parseIsoDate('2026-12-15') }, now, calendar),
    boardEntry({ ...wed, waived: true }, now, calendar),
  ];

  it('counts each official status, extended items apart, and overdue items by ageing', () => {
    expect(countBoard(entries)).toEqual({
      total: 7, 'on-time': 2, late: 1, 'not-due': 1, overdue: 2, waived: 1, untracked: 0, extended: 1,
      ageing: { '1-3': 1, '4-7': 0, '8-30': 1, '30+': 0 },
    });
  });

  it('expects a report once its last day has passed or it arrived; waived and not-yet-due ones are not expected', () => {
    expect(ratesOf(entries)).toEqual({ expected: 5, received: 3, onTime: 2, reportingRate: 3 / 5, onTimeRate: 2 / 5 });
    expect(ratesOf([])).toMatchObject({ expected: 0, reportingRate: null, onTimeRate: null });
  });

  it.each([[null, '–'], [0, '0 %'], [2 / 3, '66 %'], [0.999, '99 %'], [1, '100 %'], [0.29, '29 %']] as const)('formats %s as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});
