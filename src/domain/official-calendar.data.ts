// The days off the government actually announced, where they differ from the computed
// calendar (vn-holidays.ts). Add a year when its announcement is published; an
// administrator can also supply overrides at run time (createBusinessCalendar(overrides)).
// Only announcements we are sure of are here; other years are computed.
import type { CalendarOverrides } from './business-calendar';

export const officialOverrides: CalendarOverrides = {
  years: {
    // Tết Ất Tỵ: public servants off Sat 25/01 to Sun 02/02/2025, Monday 27/01 swapped for a
    // working Saturday 15/02/2025 (announcement of the Ministry of Labour, Invalids and Social
    // Affairs, No. 6150/TB-LĐTBXH, 2024). 30/04-01/05: Friday 02/05 swapped for Saturday 26/04.
    '2025': {
      tetDaysOff: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      extraDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' }],
      workingWeekendDays: ['2025-02-15', '2025-04-26'],
    },
  },
};
