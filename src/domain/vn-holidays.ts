// Public holidays of Vietnamese public servants, computed (Labour Code 2019, art. 112):
// 01/01; Tết Nguyên đán (5 days); Giỗ Tổ Hùng Vương (lunar 10/3); 30/04; 01/05; 02/09 with one
// adjacent day. The government announces the exact Tết days and swaps every year; those go in
// official-calendar.data.ts as overrides. Pure code.
import { addDays, compareDates, isoWeekday, localDate, type LocalDate } from './local-date';
import { lunarToSolar, tetDay } from './lunar';

export interface Holiday {
  date: LocalDate;
  /** Vietnamese name shown to users. */
  name: string;
  kind: 'fixed' | 'tet' | 'hung-kings' | 'national-day';
}

const isWeekend = (d: LocalDate) => isoWeekday(d) >= 6;

/**
 * Tết: five weekdays off starting on the last day of the lunar year (29 or 30 tháng Chạp).
 * This is how the government has arranged it in most recent years (2026: Mon 16/02 to Fri
 * 20/02); weekends inside the run are days off anyway.
 */
function tetDays(year: number): Holiday[] {
  const days: Holiday[] = [];
  for (let d = addDays(tetDay(year), -1); days.length < 5; d = addDays(d, 1)) {
    if (!isWeekend(d)) days.push({ date: d, name: 'Tết Nguyên đán', kind: 'tet' });
  }
  return days;
}

/**
 * The day next to 02/09 that the government usually adds: the one that joins the weekend
 * (Tuesday -> Monday 01/09, Thursday -> Friday 03/09, Monday -> Tuesday 03/09, Friday ->
 * Thursday 01/09); in mid-week years 01/09. An override corrects a year that differs.
 */
function nationalDayNeighbour(year: number): LocalDate {
  const weekday = isoWeekday(localDate(year, 9, 2));
  return weekday === 4 || weekday === 1 ? localDate(year, 9, 3) : localDate(year, 9, 1);
}

export function publicHolidays(year: number): Holiday[] {
  const hungKings = lunarToSolar({ year, month: 3, day: 10 })!;
  const fixed: Holiday[] = [
    { date: localDate(year, 1, 1), name: 'Tết Dương lịch', kind: 'fixed' },
    { date: hungKings, name: 'Giỗ Tổ Hùng Vương', kind: 'hung-kings' },
    { date: localDate(year, 4, 30), name: 'Ngày Chiến thắng 30/4', kind: 'fixed' },
    { date: localDate(year, 5, 1), name: 'Quốc tế Lao động 1/5', kind: 'fixed' },
    { date: localDate(year, 9, 2), name: 'Quốc khánh 2/9', kind: 'national-day' },
    { date: nationalDayNeighbour(year), name: 'Quốc khánh 2/9 (ngày liền kề)', kind: 'national-day' },
  ];
  const tet = tetDays(year);
  const taken = [...fixed, ...tet];
  const isTaken = (d: LocalDate) => taken.some((h) => compareDates(h.date, d) === 0);
  // Art. 112(3): a holiday on a weekly rest day is compensated on the next working day.
  const compensations: Holiday[] = [];
  for (const h of fixed.filter((h) => isWeekend(h.date)).sort((a, b) => compareDates(a.date, b.date))) {
    let d = addDays(h.date, 1);
    while (isWeekend(d) || isTaken(d)) d = addDays(d, 1);
    const comp: Holiday = { date: d, name: `Nghỉ bù ${h.name}`, kind: h.kind };
    compensations.push(comp);
    taken.push(comp);
  }
  return [...taken].sort((a, b) => compareDates(a.date, b.date));
}
