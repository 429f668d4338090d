// The language of a page: Vietnamese by default, English by the visitor's choice (the
// `hbc_lang` cookie, set by GET /lang/:locale). Hand-written rather than a library: the
// pages need one thing, `tr(vi, en)` next to the text it replaces, typed and checked by tsc,
// with no catalogue to keep in step and no message ids to invent for ~40 small pages.
//
// How the locale reaches the text: an AsyncLocalStorage entered once per request (the hook
// in src/api/locale.ts). A page function builds most of its text BEFORE renderPage runs and
// route handlers await between building the chrome and calling the page, so neither a
// preact context nor a module variable set during rendering would cover all of it; the
// store follows the request across awaits, and pages keep their signatures (merges stay
// string replacements). Tests and the error handler enter it explicitly with withLocale.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROLE_NAMES_VI, type Role } from '../../auth/policy';
import { ORGANISATION_KIND_NAMES_VI, type OrganisationKind } from '../../schemas/admin.schemas';
import { periodLabelEn } from '../../domain/language';
import { AGEING_EN, AGEING_VI, OFFICIAL_STATUS_EN, OFFICIAL_STATUS_VI, type AgeingBucket, type OfficialStatus } from '../../domain/board';
import {
  formatViDate,
  localDateOf,
  parseIsoDate,
  weekdayEn,
  weekdayVi,
  type LocalDate,
} from '../../domain/local-date';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_COOKIE = 'hbc_lang';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** What a page needs to know about the request it answers: its language, and where the switch returns to. */
interface PageContext {
  locale: Locale;
  /** The path of a GET page, for the language switch to come back to; absent otherwise. */
  path?: string;
}

const store = new AsyncLocalStorage<PageContext>();

/** The locale of the request being answered; Vietnamese outside any request. */
export function currentLocale(): Locale {
  return store.getStore()?.locale ?? 'vi';
}

/** The path the language switch returns to ('/' when the page answers a form). */
export function currentPath(): string {
  return store.getStore()?.path ?? '/';
}

/** Runs `fn` (and everything it awaits) in `locale`. */
export function withLocale<T>(locale: Locale, fn: () => T, path?: string): T {
  return store.run(path === undefined ? { locale } : { locale, path }, fn);
}

/** The text in the current locale: `tr('Đơn vị', 'Agency')`. */
export function tr(vi: string, en: string): string {
  return currentLocale() === 'en' ? en : vi;
}

/** "Thứ Hai" / "Monday": the weekday names live in src/domain/local-date.ts. */
export function weekdayName(d: LocalDate, locale: Locale = currentLocale()): string {
  return locale === 'en' ? weekdayEn(d) : weekdayVi(d);
}

/** "Thứ Hai, 30/11/2026" or "Monday, 30/11/2026": dd/MM/yyyy in both languages, as the offices write it. */
export function formatDateWithWeekday(d: LocalDate, locale: Locale = currentLocale()): string {
  return `${weekdayName(d, locale)}, ${formatViDate(d)}`;
}

/** "08:00 Thứ Tư, 04/11/2026" / "08:00 Wednesday, 04/11/2026" for an instant, in local time. */
export function formatInstant(at: Date, locale: Locale = currentLocale()): string {
  // Asia/Ho_Chi_Minh has no daylight saving: UTC+7 all year.
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${formatDateWithWeekday(localDateOf(at), locale)}`;
}

/** An ISO day "2026-11-30" as a person reads it, with the weekday; the text itself when it is not a day. */
export function formatIsoDay(iso: string, options: { weekday?: boolean } = { weekday: true }, locale: Locale = currentLocale()): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  try {
    const d = parseIsoDate(iso);
    return options.weekday ? formatDateWithWeekday(d, locale) : formatViDate(d);
  } catch {
    return iso;
  }
}

/**
 * A period's label as the domain writes it ("Năm 2026", "Quý III/2026", "Tháng 11/2026",
 * "6 tháng đầu năm 2026", "Báo cáo hạn 20/11/2026") in the current language; a label it
 * does not know (an ad-hoc period's own words) as it is.
 */
export function periodText(label: string, locale: Locale = currentLocale()): string {
  return locale === 'vi' ? label : periodLabelEn(label);
}

/** A state's label: the English one where the view has it. */
export function stateText(labelVi: string, labelEn: string | undefined): string {
  return tr(labelVi, labelEn ?? labelVi);
}

/** An official status in the current language: the Vietnamese words of Decision 42/2014 in vi, English in en. */
export function officialText(status: OfficialStatus): string {
  return tr(OFFICIAL_STATUS_VI[status], OFFICIAL_STATUS_EN[status]);
}

export function ageingText(bucket: AgeingBucket): string {
  return tr(AGEING_VI[bucket], AGEING_EN[bucket]);
}

/** A service error's message for a page, in the reader's language (ServiceError has both). */
export function errorText(err: { messageVi: string; messageEn: string }): string {
  return tr(err.messageVi, err.messageEn);
}

/** Its "field: problem" lines, in the reader's language. */
export function errorLines(err: { details: string[]; detailsEn?: string[] }): string[] {
  return currentLocale() === 'en' ? (err.detailsEn ?? err.details) : err.details;
}

const ROLE_NAMES_EN: Record<Role, string> = {
  administrator: 'Administrator',
  coordinator: 'Coordinating office',
  leader: 'Leader',
  agency: 'Reporting agency',
  auditor: 'Inspector, auditor',
};

/** A role's name in the reader's language (the policy table names them in Vietnamese). */
export function roleText(role: string): string {
  return role in ROLE_NAMES_VI ? tr(ROLE_NAMES_VI[role as Role], ROLE_NAMES_EN[role as Role]) : role;
}

const KIND_NAMES_EN: Record<OrganisationKind, string> = { province: 'Province', district: 'District (older plans)', commune: 'Commune, ward' };

export function organisationKindText(kind: string): string {
  return kind in ORGANISATION_KIND_NAMES_VI ? tr(ORGANISATION_KIND_NAMES_VI[kind as OrganisationKind], KIND_NAMES_EN[kind as OrganisationKind]) : kind;
}
