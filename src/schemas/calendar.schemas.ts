// Calendar values as they cross a boundary, checked against the real calendar here so that
// an impossible day (2026-02-31, 31/02) is a 400 at the edge, not a refusal deep in the
// calculus (a 409 from a workflow validator, or a plan saved and then never started).
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { daysInMonth, parseIsoDate } from '../domain/local-date';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The domain's own bilingual refusal as a zod issue (params carry both languages). */
function domainIssue(ctx: z.core.$RefinementCtx, err: unknown): void {
  if (!(err instanceof DomainError)) throw err;
  ctx.addIssue({ code: 'custom', message: `${err.messageVi} / ${err.messageEn}`, params: { vi: err.messageVi, en: err.messageEn } });
}

/** A local day "YYYY-MM-DD" that exists on the calendar (years 1900-2200). */
export const isoDaySchema = z.string().superRefine((text, ctx) => {
  if (!ISO_DAY.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'ngày phải có dạng YYYY-MM-DD / expected a local day YYYY-MM-DD' });
    return;
  }
  try {
    parseIsoDate(text);
  } catch (err) {
    domainIssue(ctx, err);
  }
});

/**
 * The bilingual refusal of a day of the year that no year has (30/02, 31/04), or null. 29/02
 * is allowed (leap years). Days and months out of range are left to the schema's own checks.
 */
export function noSuchMonthDay(month: number, day: number): string | null {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 31) return null;
  return day > daysInMonth(2028, month) ? `ngày ${day}/${month} không có trên lịch / no such day: ${day}/${month}` : null;
}
