// Reminder emails, text and HTML, composed from one deadline's context, in Vietnamese or,
// for a recipient who chose it, English (docs/language.md). Everything a clerk needs is in
// the message itself: plan, indicators, period and data window, the rule's own words, the
// last day with its weekday, where to report, whom to ask. What people typed (names, the
// plan's title and rule, notes) is never translated.
import { dataWindowEn, dataWindowVi } from '../../src/domain/data-window';
import { formatDateWithWeekdayIn, periodLabelEn, type Language } from '../../src/domain/language';
import { formatViDateWithWeekday, parseIsoDate } from '../../src/domain/local-date';
import type { DeadlineContext } from '../../src/stores/deadline-context';
import { composed, escapeHtml, type ComposedEmail } from './html';

export type { ComposedEmail } from './html';
export { escapeHtml } from './html';

export type EmailKind = 'request' | 'reminder' | 'due-today' | 'overdue' | 'escalation' | 'repeat' | 'manual' | 'receipt' | 'extension' | 'waiver' | 'return';

const SUBJECT_TAG: Record<EmailKind, string> = {
  request: 'Yêu cầu báo cáo đột xuất',
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Quá hạn',
  escalation: 'Đôn đốc',
  repeat: 'Quá hạn – nhắc lại',
  manual: 'Nhắc hạn',
  receipt: 'Đã nhận báo cáo',
  extension: 'Gia hạn',
  waiver: 'Miễn báo cáo',
  return: 'Yêu cầu bổ sung',
};

const OPENING: Record<EmailKind, string> = {
  request: 'Cơ quan đầu mối đề nghị đơn vị gửi báo cáo đột xuất sau.',
  reminder: 'Xin nhắc đơn vị về hạn gửi báo cáo sau.',
  'due-today': 'Hôm nay là ngày làm việc cuối cùng để gửi báo cáo sau.',
  overdue: 'Đơn vị chưa gửi báo cáo sau, đã quá hạn.',
  escalation: 'Báo cáo sau vẫn chưa được gửi; đề nghị chỉ đạo đơn vị hoàn thành ngay.',
  repeat: 'Báo cáo sau vẫn chưa được gửi. Đề nghị đơn vị gửi sớm.',
  manual: 'Cơ quan đầu mối đề nghị đơn vị lưu ý hạn gửi báo cáo sau.',
  receipt: 'Đã ghi nhận báo cáo của đơn vị. Xin cảm ơn.',
  extension: 'Hạn gửi báo cáo sau đã được gia hạn. Các lời nhắc sẽ theo hạn mới.',
  waiver: 'Đơn vị được miễn gửi báo cáo sau trong kỳ này. Hệ thống sẽ không nhắc nữa.',
  return: 'Cơ quan đầu mối đề nghị đơn vị bổ sung, hoàn thiện báo cáo sau và gửi lại trước hạn mới. Các lời nhắc sẽ theo hạn mới.',
};

const SUBJECT_TAG_EN: Record<EmailKind, string> = {
  request: 'Ad-hoc report requested',
  reminder: 'Reminder',
  'due-today': 'Due today',
  overdue: 'Overdue',
  escalation: 'Escalation',
  repeat: 'Overdue – reminder',
  manual: 'Reminder',
  receipt: 'Report received',
  extension: 'Extension',
  waiver: 'Waiver',
  return: 'Completion requested',
};

const OPENING_EN: Record<EmailKind, string> = {
  request: 'The coordinating office asks your agency for the following ad-hoc report.',
  reminder: 'A reminder of the deadline for the following report.',
  'due-today': 'Today is the last working day to send the following report.',
  overdue: 'Your agency has not sent the following report, and it is overdue.',
  escalation: 'The following report has still not been sent; please have the agency complete it at once.',
  repeat: 'The following report has still not been sent. Please send it soon.',
  manual: 'The coordinating office asks your agency to mind the deadline for the following report.',
  receipt: 'Your agency\'s report has been recorded. Thank you.',
  extension: 'The deadline for the following report has been extended. Reminders will follow the new deadline.',
  waiver: 'Your agency is exempted from the following report for this period. There will be no more reminders.',
  return: 'The coordinating office asks your agency to complete the following report and send it again before the new deadline. Reminders will follow the new deadline.',
};

/** Kinds after which the agency has nothing left to do: their link only shows the details. */
const CLOSING_KINDS = new Set<EmailKind>(['receipt', 'waiver']);

/** "Thứ Tư, 04/11/2026", or "Wednesday, 04/11/2026" in English. */
export function dayWithWeekday(isoDay: string, language: Language = 'vi'): string {
  return language === 'en' ? formatDateWithWeekdayIn(parseIsoDate(isoDay), 'en') : formatViDateWithWeekday(parseIsoDate(isoDay));
}

export interface DeadlineEmailOptions {
  publicUrl: string;
  note?: string;
  extraLines?: string[];
  /**
   * Working days the report is overdue at the moment the email is composed (0 or absent:
   * not overdue). A reminder about a deadline already past says so instead of "xin nhắc".
   */
  overdueWorkingDays?: number;
  /**
   * The agency's signed link (activities/agency-link.ts), for a recipient of that agency:
   * it replaces the dashboard link, which needs an account.
   */
  agencyLink?: { url: string; expiresOn: string };
  /** The recipient's language (default Vietnamese); `extraLines` and `note` come as the caller has them. */
  language?: Language;
}

export function composeDeadlineEmail(kind: EmailKind, ctx: DeadlineContext, opts: DeadlineEmailOptions): ComposedEmail {
  return opts.language === 'en' ? composeEnglish(kind, ctx, opts) : composeVietnamese(kind, ctx, opts);
}

function linkOf(ctx: DeadlineContext, opts: DeadlineEmailOptions): string {
  return opts.agencyLink?.url ?? `${opts.publicUrl}/deadlines/${encodeURIComponent(ctx.deadline.id)}`;
}

function coordinatorContactOf(ctx: DeadlineContext): string {
  const { coordinator, plan } = ctx;
  return coordinator
    ? `${coordinator.name}${coordinator.contacts[0] ? ` – ${coordinator.contacts[0].name} <${coordinator.contacts[0].email}>` : ''}`
    : plan.organisation.name;
}

function composeVietnamese(kind: EmailKind, ctx: DeadlineContext, opts: DeadlineEmailOptions): ComposedEmail {
  const { deadline, plan, agency, obligation } = ctx;
  const due = dayWithWeekday(deadline.lastDay);
  const lateReminder = (kind === 'manual' || kind === 'reminder') && (opts.overdueWorkingDays ?? 0) > 0;
  const tag = lateReminder ? 'Quá hạn' : SUBJECT_TAG[kind];
  const opening = lateReminder
    ? `Báo cáo sau đã quá hạn ${opts.overdueWorkingDays} ngày làm việc (ngày cuối cùng đúng hạn: ${due}). Đề nghị đơn vị gửi ngay.`
    : OPENING[kind];
  const subject = `[${tag}] ${plan.number} – ${agency.name}: báo cáo ${deadline.periodLabel.toLowerCase()}, hạn ${due}`;
  const link = linkOf(ctx, opts);
  const coordinatorContact = coordinatorContactOf(ctx);
  const lastDay = parseIsoDate(deadline.lastDay);
  const rows: [string, string][] = [
    ['Kế hoạch', `${plan.number}: ${plan.title}`],
    ['Đơn vị báo cáo', agency.name],
    ...(obligation.indicators ? ([['Nội dung, chỉ tiêu', obligation.indicators]] as [string, string][]) : []),
    ['Kỳ báo cáo', deadline.periodLabel],
    ['Số liệu', dataWindowVi({ from: parseIsoDate(deadline.dataFrom), to: parseIsoDate(deadline.dataTo) }, lastDay)],
    ['Quy định', obligation.ruleText],
    ['Ngày cuối cùng đúng hạn', due],
    ['Gửi về', coordinatorContact],
  ];
  const closing = CLOSING_KINDS.has(kind);
  const lines = [
    `Kính gửi: ${agency.name}`,
    '',
    opening,
    ...(opts.note ? ['', `Ghi chú: ${opts.note}`] : []),
    ...(opts.extraLines ?? []),
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    closing ? `Chi tiết: ${link}` : opts.agencyLink ? `Gửi báo cáo tại đây (không cần đăng nhập): ${link}` : `Báo cáo đã gửi? Xác nhận tại: ${link}`,
    ...(opts.agencyLink ? [`(Liên kết dành riêng cho ${agency.name}, dùng được đến hết ngày ${opts.agencyLink.expiresOn}; xin đừng chuyển tiếp.)`] : []),
    '',
    `Thư tự động từ hệ thống Hạn báo cáo của ${plan.organisation.name}.`,
  ];
  const htmlBody = [
    `<p>Kính gửi: <b>${escapeHtml(agency.name)}</b></p>`,
    `<p>${escapeHtml(opening)}</p>`,
    ...(opts.note ? [`<p><i>Ghi chú: ${escapeHtml(opts.note)}</i></p>`] : []),
    ...(opts.extraLines ?? []).map((l) => `<p>${escapeHtml(l)}</p>`),
    '<table cellpadding="4">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(link)}">${closing ? 'Xem chi tiết' : opts.agencyLink ? 'Gửi báo cáo tại đây (không cần đăng nhập)' : 'Xác nhận đã gửi báo cáo'}</a></p>`,
    ...(opts.agencyLink
      ? [`<p style="color:#666">Liên kết dành riêng cho ${escapeHtml(agency.name)}, dùng được đến hết ngày ${escapeHtml(opts.agencyLink.expiresOn)}; xin đừng chuyển tiếp.</p>`]
      : []),
    `<p style="color:#666">Thư tự động từ hệ thống Hạn báo cáo của ${escapeHtml(plan.organisation.name)}.</p>`,
  ].join('\n');
  return composed(subject, lines.join('\n'), htmlBody);
}

function composeEnglish(kind: EmailKind, ctx: DeadlineContext, opts: DeadlineEmailOptions): ComposedEmail {
  const { deadline, plan, agency, obligation } = ctx;
  const due = dayWithWeekday(deadline.lastDay, 'en');
  const period = periodLabelEn(deadline.periodLabel);
  const lateReminder = (kind === 'manual' || kind === 'reminder') && (opts.overdueWorkingDays ?? 0) > 0;
  const tag = lateReminder ? 'Overdue' : SUBJECT_TAG_EN[kind];
  const opening = lateReminder
    ? `The following report is ${opts.overdueWorkingDays} working day${opts.overdueWorkingDays === 1 ? '' : 's'} overdue (last day on time: ${due}). Please send it at once.`
    : OPENING_EN[kind];
  const subject = `[${tag}] ${plan.number} – ${agency.name}: report for ${period}, due ${due}`;
  const link = linkOf(ctx, opts);
  const lastDay = parseIsoDate(deadline.lastDay);
  const rows: [string, string][] = [
    ['Plan', `${plan.number}: ${plan.title}`],
    ['Reporting agency', agency.name],
    ...(obligation.indicators ? ([['Content, indicators', obligation.indicators]] as [string, string][]) : []),
    ['Reporting period', period],
    ['Data', dataWindowEn({ from: parseIsoDate(deadline.dataFrom), to: parseIsoDate(deadline.dataTo) }, lastDay)],
    ['Rule (as written)', obligation.ruleText],
    ['Last day on time', due],
    ['Send to', coordinatorContactOf(ctx)],
  ];
  const closing = CLOSING_KINDS.has(kind);
  const linkLabel = closing ? 'See the details' : opts.agencyLink ? 'Send the report here (no sign-in needed)' : 'Confirm the report was sent';
  const lines = [
    `To: ${agency.name}`,
    '',
    opening,
    ...(opts.note ? ['', `Note: ${opts.note}`] : []),
    ...(opts.extraLines ?? []),
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    closing ? `Details: ${link}` : opts.agencyLink ? `Send the report here (no sign-in needed): ${link}` : `Report sent? Confirm it at: ${link}`,
    ...(opts.agencyLink ? [`(A link for ${agency.name} only, valid to the end of ${opts.agencyLink.expiresOn}; please do not forward it.)`] : []),
    '',
    `An automatic email from the reporting-deadline system (Hạn báo cáo) of ${plan.organisation.name}.`,
  ];
  const htmlBody = [
    `<p>To: <b>${escapeHtml(agency.name)}</b></p>`,
    `<p>${escapeHtml(opening)}</p>`,
    ...(opts.note ? [`<p><i>Note: ${escapeHtml(opts.note)}</i></p>`] : []),
    ...(opts.extraLines ?? []).map((l) => `<p>${escapeHtml(l)}</p>`),
    '<table cellpadding="4">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(link)}">${linkLabel}</a></p>`,
    ...(opts.agencyLink
      ? [`<p style="color:#666">A link for ${escapeHtml(agency.name)} only, valid to the end of ${escapeHtml(opts.agencyLink.expiresOn)}; please do not forward it.</p>`]
      : []),
    `<p style="color:#666">An automatic email from the reporting-deadline system (Hạn báo cáo) of ${escapeHtml(plan.organisation.name)}.</p>`,
  ].join('\n');
  return composed(subject, lines.join('\n'), htmlBody, 'en');
}
