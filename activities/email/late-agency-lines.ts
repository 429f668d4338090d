// "Trạm Y tế xã: quá hạn 7 ngày làm việc (hạn 14/11/2040)", one line per late agency, for escalations.
import type { Language } from '../../src/domain/language';
import { formatViDate, parseIsoDate } from '../../src/domain/local-date';
import type { LateAgency } from '../../src/stores/late-agencies';

export function lateAgencyLines(late: LateAgency[], language: Language = 'vi'): string[] {
  if (late.length === 0) return [];
  if (language === 'en') {
    return [
      `Agencies that have not sent this period's report (${late.length}):`,
      ...late.map((l) => `- ${l.agency}: overdue by ${l.workingDaysLate} working day${l.workingDaysLate === 1 ? '' : 's'} (due ${formatViDate(parseIsoDate(l.lastDay))})`),
    ];
  }
  return [
    `Các đơn vị chưa gửi báo cáo kỳ này (${late.length}):`,
    ...late.map((l) => `- ${l.agency}: quá hạn ${l.workingDaysLate} ngày làm việc (hạn ${formatViDate(parseIsoDate(l.lastDay))})`),
  ];
}
