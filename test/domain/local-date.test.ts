// How dates and instants are written for people: local time (UTC+7), dd/MM/yyyy, weekday.
import { describe, expect, it } from 'vitest';
import { formatViInstant, formatViIsoDate } from '../../src/domain/local-date';

describe('formatViInstant writes an instant as "HH:mm Thứ X, dd/MM/yyyy" in Viet Nam time', () => {
  it.each([
    ['2026-11-04T01:00:00Z', '08:00 Thứ Tư, 04/11/2026'],
    ['2026-11-04T16:59:00Z', '23:59 Thứ Tư, 04/11/2026'],
    // 17:00 UTC is midnight in Hà Nội: the next local day, and its weekday.
    ['2026-11-04T17:00:00Z', '00:00 Thứ Năm, 05/11/2026'],
    ['2026-12-31T17:30:00Z', '00:30 Thứ Sáu, 01/01/2027'],
    ['2026-11-08T02:05:00Z', '09:05 Chủ nhật, 08/11/2026'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatViInstant(new Date(iso))).toBe(expected);
  });
});

describe('formatViIsoDate writes an ISO day as dd/MM/yyyy', () => {
  it.each([
    ['2026-11-20', {}, '20/11/2026'],
    ['2026-11-20', { weekday: true }, 'Thứ Sáu, 20/11/2026'],
    ['2028-02-29', { weekday: true }, 'Thứ Ba, 29/02/2028'],
    ['2026-02-31', {}, null],
    ['20/11/2026', {}, null],
    ['2026-11-20T08:00:00Z', {}, null],
    ['', {}, null],
  ])('"%s" %j -> %s', (text, options, expected) => {
    expect(formatViIsoDate(text, options)).toBe(expected);
  });
});
