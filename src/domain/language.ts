// The two languages people read the product in: Vietnamese by default, English by choice
// (a page's `hbc_lang` cookie, a contact's or user's `language` for emails; docs/language.md).
// Here, not in src/web: emails are composed by activities, which may not import the web layer.
import { formatViDate, formatViDateWithWeekday, formatViInstant, localDateOf, weekdayEn, type LocalDate } from './local-date';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

/** A stored language as a Language: anything but 'en' reads Vietnamese, the default. */
export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'vi';
}

/** "Thứ Tư, 04/11/2026" / "Wednesday, 04/11/2026": dd/MM/yyyy in both languages, as the offices write it. */
export function formatDateWithWeekdayIn(d: LocalDate, lang: Language): string {
  return lang === 'en' ? `${weekdayEn(d)}, ${formatViDate(d)}` : formatViDateWithWeekday(d);
}

/** "08:00 Thứ Tư, 04/11/2026" / "08:00 Wednesday, 04/11/2026", local time (UTC+7, no daylight saving). */
export function formatInstantIn(at: Date, lang: Language): string {
  if (lang === 'vi') return formatViInstant(at);
  const hhmm = formatViInstant(at).slice(0, 5);
  return `${hhmm} ${formatDateWithWeekdayIn(localDateOf(at), 'en')}`;
}

const ROMAN: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };

/**
 * A period's label as the domain writes it ("Năm 2026", "Quý III/2026", "Tháng 11/2026",
 * "6 tháng đầu năm 2026", "Báo cáo hạn 20/11/2026") in English; a label it does not know
 * (an ad-hoc period's own words, typed by a person) as it is.
 */
export function periodLabelEn(label: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Năm (\d{4})$/.exec(label))) return `Year ${m[1]}`;
  if ((m = /^Cả năm (\d{4})$/.exec(label))) return `All of ${m[1]}`;
  if ((m = /^Quý (I|II|III|IV)\/(\d{4})$/.exec(label))) return `Q${ROMAN[m[1]!]} ${m[2]}`;
  if ((m = /^Tháng (\d{1,2})\/(\d{4})$/.exec(label))) return `Month ${m[1]}/${m[2]}`;
  if ((m = /^6 tháng (đầu|cuối) năm (\d{4})$/.exec(label))) return `${m[1] === 'đầu' ? 'First' : 'Second'} half of ${m[2]}`;
  if ((m = /^Báo cáo hạn (\d{2}\/\d{2}\/\d{4})$/.exec(label))) return `Report due ${m[1]}`;
  return label;
}
