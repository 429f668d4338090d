// How the data a report covers is written for people (Decree 09/2019/NĐ-CP windows end on
// the 14th). Pure code.
import { compareDates, formatViDate, type LocalDate } from './local-date';

/**
 * "15/12/2025 – 14/12/2026", or, when the window ends after the report's last day (an
 * annual report due before 05/11 whose window runs to 14/12), what the report can really
 * cover: "từ 15/12/2025 đến thời điểm báo cáo, ước thực hiện đến 14/12/2026". Showing a
 * window that ends after the due day would ask for figures that do not exist yet.
 */
export function dataWindowVi(window: { from: LocalDate; to: LocalDate }, lastDay: LocalDate): string {
  if (compareDates(window.to, lastDay) > 0) {
    return `từ ${formatViDate(window.from)} đến thời điểm báo cáo, ước thực hiện đến ${formatViDate(window.to)}`;
  }
  return `${formatViDate(window.from)} – ${formatViDate(window.to)}`;
}

/** The same in English, for operators and the English pages. */
export function dataWindowEn(window: { from: LocalDate; to: LocalDate }, lastDay: LocalDate): string {
  if (compareDates(window.to, lastDay) > 0) {
    return `from ${formatViDate(window.from)} to the day of the report, with an estimate to ${formatViDate(window.to)}`;
  }
  return `${formatViDate(window.from)} – ${formatViDate(window.to)}`;
}
