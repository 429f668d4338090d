// Vietnamese reminder emails, text and HTML, composed from one deadline's context.
// Everything a clerk needs is in the message itself: plan, indicators, period and data
// window, the rule's own words, the last day with its weekday, where to report, whom to ask.
import { formatViDate, formatViDateWithWeekday, parseIsoDate } from '../../src/domain/local-date';
import type { DeadlineContext } from '../deadline-context';

export type EmailKind = 'reminder' | 'due-today' | 'overdue' | 'escalation' | 'repeat' | 'manual' | 'receipt' | 'extension' | 'waiver';

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT_TAG: Record<EmailKind, string> = {
  reminder: 'Nhắc hạn',
  'due-today': 'Đến hạn hôm nay',
  overdue: 'Quá hạn',
  escalation: 'Đôn đốc',
  repeat: 'Quá hạn – nhắc lại',
  manual: 'Nhắc hạn',
  receipt: 'Đã nhận báo cáo',
  extension: 'Gia hạn',
  waiver: 'Miễn báo cáo',
};

const OPENING: Record<EmailKind, string> = {
  reminder: 'Xin nhắc đơn vị về hạn gửi báo cáo sau.',
  'due-today': 'Hôm nay là ngày làm việc cuối cùng để gửi báo cáo sau.',
  overdue: 'Đơn vị chưa gửi báo cáo sau, đã quá hạn.',
  escalation: 'Báo cáo sau vẫn chưa được gửi; đề nghị chỉ đạo đơn vị hoàn thành ngay.',
  repeat: 'Báo cáo sau vẫn chưa được gửi. Đề nghị đơn vị gửi sớm.',
  manual: 'Cơ quan đầu mối đề nghị đơn vị lưu ý hạn gửi báo cáo sau.',
  receipt: 'Đã ghi nhận báo cáo của đơn vị. Xin cảm ơn.',
  extension: 'Hạn gửi báo cáo sau đã được gia hạn. Các lời nhắc sẽ theo hạn mới.',
  waiver: 'Đơn vị được miễn gửi báo cáo sau trong kỳ này. Hệ thống sẽ không nhắc nữa.',
};

export function dayWithWeekday(isoDay: string): string {
  return formatViDateWithWeekday(parseIsoDate(isoDay));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function composeDeadlineEmail(
  kind: EmailKind,
  ctx: DeadlineContext,
  opts: { publicUrl: string; note?: string; extraLines?: string[] },
): ComposedEmail {
  const { deadline, plan, agency, obligation, coordinator } = ctx;
  const due = dayWithWeekday(deadline.lastDay);
  const subject = `[${SUBJECT_TAG[kind]}] ${plan.number} – ${agency.name}: báo cáo ${deadline.periodLabel.toLowerCase()}, hạn ${due}`;
  const link = `${opts.publicUrl}/deadlines/${encodeURIComponent(deadline.id)}`;
  const coordinatorContact = coordinator
    ? `${coordinator.name}${coordinator.contacts[0] ? ` – ${coordinator.contacts[0].name} <${coordinator.contacts[0].email}>` : ''}`
    : plan.organisation.name;
  const rows: [string, string][] = [
    ['Kế hoạch', `${plan.number}: ${plan.title}`],
    ['Đơn vị báo cáo', agency.name],
    ...(obligation.indicators ? ([['Nội dung, chỉ tiêu', obligation.indicators]] as [string, string][]) : []),
    ['Kỳ báo cáo', deadline.periodLabel],
    ['Số liệu từ ngày', `${formatViDate(parseIsoDate(deadline.dataFrom))} đến ngày ${formatViDate(parseIsoDate(deadline.dataTo))}`],
    ['Quy định', obligation.ruleText],
    ['Ngày cuối cùng đúng hạn', due],
    ['Gửi về', coordinatorContact],
  ];
  const lines = [
    `Kính gửi: ${agency.name}`,
    '',
    OPENING[kind],
    ...(opts.note ? ['', `Ghi chú: ${opts.note}`] : []),
    ...(opts.extraLines ?? []),
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    kind === 'receipt' || kind === 'waiver' ? `Chi tiết: ${link}` : `Báo cáo đã gửi? Xác nhận tại: ${link}`,
    '',
    `Thư tự động từ hệ thống Hạn báo cáo của ${plan.organisation.name}.`,
  ];
  const html = [
    '<!doctype html><html lang="vi"><meta charset="utf-8"><body style="font-family:sans-serif">',
    `<p>Kính gửi: <b>${escapeHtml(agency.name)}</b></p>`,
    `<p>${escapeHtml(OPENING[kind])}</p>`,
    ...(opts.note ? [`<p><i>Ghi chú: ${escapeHtml(opts.note)}</i></p>`] : []),
    ...(opts.extraLines ?? []).map((l) => `<p>${escapeHtml(l)}</p>`),
    '<table cellpadding="4">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(link)}">${kind === 'receipt' ? 'Xem chi tiết' : 'Xác nhận đã gửi báo cáo'}</a></p>`,
    `<p style="color:#666">Thư tự động từ hệ thống Hạn báo cáo của ${escapeHtml(plan.organisation.name)}.</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text: lines.join('\n'), html };
}
