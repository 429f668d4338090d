// Vietnamese reminder emails, text and HTML, composed from one deadline's context.
// Everything a clerk needs is in the message itself: plan, indicators, period and data
// window, the rule's own words, the last day with its weekday, where to report, whom to ask.
import { dataWindowVi } from '../../src/domain/data-window';
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

/** Kinds after which the agency has nothing left to do: their link only shows the details. */
const CLOSING_KINDS = new Set<EmailKind>(['receipt', 'waiver']);

export function dayWithWeekday(isoDay: string): string {
  return formatViDateWithWeekday(parseIsoDate(isoDay));
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
}

export function composeDeadlineEmail(kind: EmailKind, ctx: DeadlineContext, opts: DeadlineEmailOptions): ComposedEmail {
  const { deadline, plan, agency, obligation, coordinator } = ctx;
  const due = dayWithWeekday(deadline.lastDay);
  const lateReminder = (kind === 'manual' || kind === 'reminder') && (opts.overdueWorkingDays ?? 0) > 0;
  const tag = lateReminder ? 'Quá hạn' : SUBJECT_TAG[kind];
  const opening = lateReminder
    ? `Báo cáo sau đã quá hạn ${opts.overdueWorkingDays} ngày làm việc (ngày cuối cùng đúng hạn: ${due}). Đề nghị đơn vị gửi ngay.`
    : OPENING[kind];
  const subject = `[${tag}] ${plan.number} – ${agency.name}: báo cáo ${deadline.periodLabel.toLowerCase()}, hạn ${due}`;
  const link = opts.agencyLink?.url ?? `${opts.publicUrl}/deadlines/${encodeURIComponent(deadline.id)}`;
  const coordinatorContact = coordinator
    ? `${coordinator.name}${coordinator.contacts[0] ? ` – ${coordinator.contacts[0].name} <${coordinator.contacts[0].email}>` : ''}`
    : plan.organisation.name;
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
