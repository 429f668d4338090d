import { z } from 'zod';
import { parseDueRule } from '../domain/due-rule';
import { DomainError } from '../domain/errors';
import { MAX_SPAN_YEARS } from '../domain/periods';
import { MAX_AGENCIES } from './adhoc.schemas';
import { isoDaySchema as isoDay, noSuchMonthDay } from './calendar.schemas';

// What a coordinator confirms after reviewing an import proposal: the plan, its agencies,
// one obligation per reporting agency and due rule, and the campaigns. The web page, the
// API and `hanbaocao import --confirm draft.json` all send this shape.

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dạng MM-DD, ví dụ 11-15 / MM-DD such as 11-15')
  .superRefine((md, ctx) => {
    const problem = /^\d{2}-\d{2}$/.test(md) ? noSuchMonthDay(Number(md.slice(0, 2)), Number(md.slice(3))) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const name = z.string().trim().min(2).max(200);

// Bounds far above any real plan, so a draft cannot hold the database for minutes (20,000
// agencies took more than one) or store pages of text where a line belongs.
const MAX_CONTACTS = 20;
const MAX_CAMPAIGNS = 100;

const dueRuleText = z
  .string()
  .trim()
  .min(3)
  .max(300)
  .superRefine((text, ctx) => {
    try {
      parseDueRule(text);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.addIssue({ code: 'custom', message: `${err.messageVi} / ${err.messageEn}`, params: { vi: err.messageVi, en: err.messageEn } });
    }
  });

export const confirmImportBodySchema = z
  .object({
    organisation: z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,80}$/, 'chữ thường, số, dấu chấm hoặc gạch / lower-case letters, digits, dots, dashes'),
      name,
      kind: z.enum(['province', 'commune', 'district']),
    }),
    plan: z.object({
      // 645/KH-UBND, and the schemes of decisions and circulars the reader also reads: 06/2024/QĐ-UBND.
      number: z.string().trim().regex(/^\d+\s*\/\s*[\p{Lu}\d][\p{Lu}\d/-]*$/u, 'số kế hoạch dạng 645/KH-UBND / plan number like 645/KH-UBND'),
      title: name.max(500),
      issuedOn: isoDay,
      spanFrom: z.number().int().min(1990).max(2100),
      spanTo: z.number().int().min(1990).max(2100),
      holidayRule: z.enum(['written-date', 'civil-code']).default('written-date'),
      /** The agency reports go through (Phòng VH-XH); gets copies of overdue notices. */
      coordinator: name.nullable().default(null),
    }),
    agencies: z
      .array(
        z.object({
          name,
          indicators: z.string().max(2000).default(''),
          headName: z.string().trim().min(1).max(200).optional(),
          headEmail: z.email().max(320).optional(),
          contacts: z.array(z.object({ name, email: z.email().max(320) })).max(MAX_CONTACTS).default([]),
        }),
      )
      .min(1, 'cần ít nhất một đơn vị / at least one agency')
      .max(MAX_AGENCIES),
    obligations: z
      // title: a one-off report's subject ("Báo cáo sơ kết năm 2028"); "" for a periodic report.
      .array(z.object({ reporter: name, ruleText: dueRuleText, title: z.string().trim().max(200).default('') }))
      .max(MAX_AGENCIES * 2)
      .default([]),
    campaigns: z
      .array(
        z.object({
          name,
          start: monthDay,
          end: monthDay,
          recurring: z.boolean().default(true),
          organiser: name.nullable().default(null),
          /** The results report's last day (inclusive), when the plan or the coordinator sets it; null: 5 working days after the end. */
          resultsDue: monthDay.nullable().default(null),
        }),
      )
      .max(MAX_CAMPAIGNS)
      .default([]),
    /**
     * The coordinator's own roll-up upward (the plan's "báo cáo lên Sở …"), on its own due
     * rule: started with the plan, its gap after the agencies' deadline checked.
     */
    rollups: z.array(z.object({ ruleText: dueRuleText, recipient: z.string().trim().min(2).max(300) })).max(10).default([]),
    /**
     * The first period to track, as a day: for each obligation, the first period due on or
     * after it. Earlier periods are recorded "before tracking" (never reminded, never late).
     * null: the day of confirming, so each obligation starts with its current or next period.
     */
    trackFrom: isoDay.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.plan.spanTo < body.plan.spanFrom) {
      ctx.addIssue({ code: 'custom', path: ['plan', 'spanTo'], message: 'năm kết thúc trước năm bắt đầu / span ends before it starts' });
    }
    // The calculus's own limit (periodsFor refuses longer spans): checked here, before the plan is saved.
    if (body.plan.spanTo - body.plan.spanFrom + 1 > MAX_SPAN_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['plan', 'spanTo'],
        message: `giai đoạn ${body.plan.spanFrom}-${body.plan.spanTo} dài hơn ${MAX_SPAN_YEARS} năm / span ${body.plan.spanFrom}-${body.plan.spanTo} is longer than ${MAX_SPAN_YEARS} years`,
      });
    }
    const names = new Set(body.agencies.map((a) => a.name));
    body.obligations.forEach((o, i) => {
      if (!names.has(o.reporter)) ctx.addIssue({ code: 'custom', path: ['obligations', i, 'reporter'], message: `không có trong danh sách đơn vị / not among the agencies: ${o.reporter}` });
    });
    if (body.plan.coordinator && !names.has(body.plan.coordinator)) {
      ctx.addIssue({ code: 'custom', path: ['plan', 'coordinator'], message: `không có trong danh sách đơn vị / not among the agencies: ${body.plan.coordinator}` });
    }
    if (body.rollups.length && !body.plan.coordinator) {
      ctx.addIssue({ code: 'custom', path: ['plan', 'coordinator'], message: 'báo cáo tổng hợp cần cơ quan đầu mối / a roll-up needs the coordinator agency' });
    }
    body.campaigns.forEach((c, i) => {
      if (c.organiser && !names.has(c.organiser)) ctx.addIssue({ code: 'custom', path: ['campaigns', i, 'organiser'], message: `không có trong danh sách đơn vị / not among the agencies: ${c.organiser}` });
    });
  });

export type ConfirmImportBody = z.infer<typeof confirmImportBodySchema>;
/** The body before defaults are applied (what a client may send). */
export type ConfirmImportInput = z.input<typeof confirmImportBodySchema>;
