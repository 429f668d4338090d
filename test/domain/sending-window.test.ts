// Never at night, never on a day off: when a message whose instant has passed may go out.
// Explicit instants; 08:00 local = 01:00Z. 2026-11-27 is a Friday; Tết 2027 (computed: lunar new
// year Saturday 06/02) is off from Friday 05/02 to Thursday 11/02.
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/official-calendar';
import { defaultReminderPolicy, nextSendingInstant } from '../../src/domain/timeline';

const calendar = officialCalendar();

describe('nextSendingInstant', () => {
  it.each([
    ['a working morning at 10:00 goes at once', '2026-11-27T03:00:00.000Z', '2026-11-27T03:00:00.000Z'],
    ['08:00 sharp goes at once', '2026-11-27T01:00:00.000Z', '2026-11-27T01:00:00.000Z'],
    ['06:30 on a working day waits for 08:00 that day', '2026-11-26T23:30:00.000Z', '2026-11-27T01:00:00.000Z'],
    ['16:59 still goes', '2026-11-27T09:59:00.000Z', '2026-11-27T09:59:00.000Z'],
    ['17:00 on Friday waits for Monday 08:00', '2026-11-27T10:00:00.000Z', '2026-11-30T01:00:00.000Z'],
    ['22:00 on Friday waits for Monday 08:00', '2026-11-27T15:00:00.000Z', '2026-11-30T01:00:00.000Z'],
    ['23:13 on a Sunday waits for Monday 08:00', '2026-11-29T16:13:00.000Z', '2026-11-30T01:00:00.000Z'],
    ['a Saturday noon waits for Monday', '2026-11-28T05:00:00.000Z', '2026-11-30T01:00:00.000Z'],
    ['Tết: Friday 05/02/2027 waits for Friday 12/02/2027', '2027-02-05T03:00:00.000Z', '2027-02-12T01:00:00.000Z'],
  ])('%s', (_name, at, expected) => {
    expect(nextSendingInstant(new Date(at), defaultReminderPolicy, calendar).toISOString()).toBe(expected);
  });

  it('follows the policy: a quiet day is skipped, and the window can close later', () => {
    const policy = { ...defaultReminderPolicy, quietDays: ['2026-11-30'], latestSendHour: 20 };
    expect(nextSendingInstant(new Date('2026-11-27T12:00:00Z'), policy, calendar).toISOString()).toBe('2026-11-27T12:00:00.000Z'); // 19:00
    expect(nextSendingInstant(new Date('2026-11-27T15:00:00Z'), policy, calendar).toISOString()).toBe('2026-12-01T01:00:00.000Z'); // Monday is quiet
  });
});
