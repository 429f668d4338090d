import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../src/domain/local-date';
import { lunarToSolar, solarToLunar, tetDay } from '../../src/domain/lunar';

// Tết Nguyên đán in Viet Nam, from published Vietnamese calendars (lịch vạn niên). 2030 is
// one of the years where Viet Nam (02/02) and China (03/02) differ.
const TET: [number, string][] = [
  [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'],
  [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'],
  [2028, '2028-01-26'], [2029, '2029-02-13'], [2030, '2030-02-02'], [2031, '2031-01-23'],
  [2032, '2032-02-11'], [2033, '2033-01-31'], [2034, '2034-02-19'], [2035, '2035-02-08'],
  [2036, '2036-01-28'], [2037, '2037-02-15'], [2038, '2038-02-04'], [2039, '2039-01-24'],
  [2040, '2040-02-12'],
];

// Giỗ Tổ Hùng Vương, lunar 10/3.
const HUNG_KINGS: [number, string][] = [
  [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26'], [2027, '2027-04-16'],
  [2028, '2028-04-04'], [2029, '2029-04-23'], [2030, '2030-04-12'], [2031, '2031-04-01'],
  [2032, '2032-04-19'],
];

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(TET)('Tết %i falls on %s', (year, expected) => {
    expect(toIsoDate(tetDay(year))).toBe(expected);
  });

  it.each(HUNG_KINGS)('Giỗ Tổ Hùng Vương %i falls on %s', (year, expected) => {
    expect(toIsoDate(lunarToSolar({ year, month: 3, day: 10 })!)).toBe(expected);
  });

  it.each([
    // The Chinese calendar (UTC+8) has Tết 1985 on 20/02 and 2007 on 18/02.
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
  ])('uses the Vietnamese meridian where China differs: Tết %i on %s', (year, expected) => {
    expect(toIsoDate(tetDay(year as number))).toBe(expected);
  });

  it('knows the leap second month of Quý Mão (2023)', () => {
    expect(solarToLunar({ year: 2023, month: 3, day: 22 })).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(toIsoDate(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })!)).toBe('2023-03-22');
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull();
  });

  it('reads the last day of a 29-day lunar year: 16/02/2026 is 29 tháng Chạp Ất Tỵ', () => {
    expect(solarToLunar({ year: 2026, month: 2, day: 16 })).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(lunarToSolar({ year: 2025, month: 12, day: 30 })).toBeNull();
  });

  it('round-trips every day of 2026-2030', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      const at = new Date(t);
      const d = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
      expect(lunarToSolar(solarToLunar(d))).toEqual(d);
    }
  });
});
