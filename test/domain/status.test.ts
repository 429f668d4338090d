import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { parseIsoDate } from '../../src/domain/local-date';
import { deadlineStatus, type DeadlineFacts } from '../../src/domain/status';

const calendar = officialCalendar();
const wed = { lastDay: parseIsoDate('2026-11-04') }; // Wednesday
const sat = { lastDay: parseIsoDate('2026-11-14') }; // Saturday

describe('deadlineStatus at an explicit now', () => {
  it.each<[string, DeadlineFacts, string, Record<string, unknown>]>([
    ['upcoming', wed, '2026-10-20T03:00:00Z', { state: 'upcoming', workingDaysLeft: 11, labelVi: 'Chưa đến hạn: còn 11 ngày làm việc' }],
    ['due soon', wed, '2026-10-30T03:00:00Z', { state: 'due-soon', workingDaysLeft: 3 }],
    ['due today', wed, '2026-11-04T16:59:00Z', { state: 'due-today', labelVi: 'Đến hạn hôm nay' }],
    ['due today on the Friday before a Saturday last day', sat, '2026-11-13T02:00:00Z', { state: 'due-today' }],
    ['still on time on the Saturday itself', sat, '2026-11-14T10:00:00Z', { state: 'due-today' }],
    ['overdue the minute the next local day starts', wed, '2026-11-04T17:00:00Z', { state: 'overdue', workingDaysOverdue: 1, labelVi: 'Quá hạn 1 ngày làm việc' }],
    ['overdue 2 working days', wed, '2026-11-06T03:00:00Z', { state: 'overdue', workingDaysOverdue: 2, labelVi: 'Quá hạn 2 ngày làm việc' }],
    ['overdue, not escalated while no escalation was sent, however late', wed, '2026-11-22T03:00:00Z', { state: 'overdue', workingDaysOverdue: 12, labelVi: 'Quá hạn 12 ngày làm việc' }],
    ['escalated once the level-1 escalation went out, naming its recipient', { ...wed, escalation: { level: 1, to: 'Trưởng phòng Lò Thị Hoa' } }, '2026-11-09T03:00:00Z',
      { state: 'escalated', escalationLevel: 1, workingDaysOverdue: 3, labelVi: 'Quá hạn 3 ngày làm việc; đã gửi thư đôn đốc tới Trưởng phòng Lò Thị Hoa' }],
    ['escalated level 2', { ...wed, escalation: { level: 2, to: 'Chủ tịch UBND xã' } }, '2026-11-22T03:00:00Z', { state: 'escalated', escalationLevel: 2, workingDaysOverdue: 12 }],
    ['an escalation sent before an extension does not make the new, unexpired deadline escalated',
      { lastDay: parseIsoDate('2026-11-30'), extendedFrom: parseIsoDate('2026-11-04'), escalation: { level: 1, to: 'Trưởng phòng' } }, '2026-11-20T03:00:00Z', { state: 'upcoming' }],
    ['submitted on time late in the evening', { ...wed, submittedAt: new Date('2026-11-04T16:30:00Z') }, '2026-11-20T00:00:00Z', { state: 'submitted-on-time' }],
    ['submitted late by 3 days', { ...wed, submittedAt: new Date('2026-11-07T02:00:00Z') }, '2026-11-20T00:00:00Z', { state: 'submitted-late', daysLate: 3, labelVi: 'Đã nộp, trễ 3 ngày' }],
    ['waived', { ...wed, waived: true }, '2026-11-20T00:00:00Z', { state: 'waived' }],
    ['before tracking: long past its last day, neither overdue nor escalated', { ...wed, beforeTracking: true, escalation: { level: 2, to: 'Chủ tịch UBND xã' } }, '2027-03-01T03:00:00Z',
      { state: 'before-tracking', labelVi: 'Trước khi bắt đầu theo dõi', labelEn: 'Before tracking began' }],
    ['before tracking, but a report was recorded all the same: the report counts', { ...wed, beforeTracking: true, submittedAt: new Date('2026-11-07T02:00:00Z') }, '2027-03-01T03:00:00Z', { state: 'submitted-late', daysLate: 3 }],
    ['extended and upcoming', { lastDay: parseIsoDate('2026-11-30'), extendedFrom: parseIsoDate('2026-11-04') }, '2026-11-20T03:00:00Z', { state: 'upcoming', extended: true, labelVi: 'Chưa đến hạn: còn 5 ngày làm việc (đã gia hạn)' }],
  ])('%s', (_name, facts, now, expected) => {
    expect(deadlineStatus(facts, new Date(now), calendar)).toMatchObject(expected);
  });
});
