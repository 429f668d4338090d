// Emails around one campaign run ("Tháng hành động ... 15/11-15/12/2026"), in Vietnamese or,
// for a recipient who chose it, English: what is starting or ending, the dates with
// weekdays, the results report and its date. The campaign's and plan's names as typed.
import type { Language } from '../../src/domain/language';
import { dayWithWeekday } from './deadline-email';
import { composed, escapeHtml, type ComposedEmail } from './html';

export type CampaignEmailKind = 'notice' | 'start' | 'midpoint' | 'end' | 'results-reminder' | 'results-due' | 'results-overdue' | 'results-received';

const TAG: Record<CampaignEmailKind, string> = {
  notice: 'Sắp bắt đầu',
  start: 'Bắt đầu hôm nay',
  midpoint: 'Giữa đợt',
  end: 'Kết thúc hôm nay',
  'results-reminder': 'Nhắc báo cáo kết quả',
  'results-due': 'Hạn báo cáo kết quả hôm nay',
  'results-overdue': 'Quá hạn báo cáo kết quả',
  'results-received': 'Đã nhận báo cáo kết quả',
};

const OPENING: Record<CampaignEmailKind, string> = {
  notice: 'Xin thông báo đợt hoạt động sau sắp bắt đầu; đề nghị đơn vị chuẩn bị kế hoạch hưởng ứng.',
  start: 'Đợt hoạt động sau bắt đầu từ hôm nay.',
  midpoint: 'Đợt hoạt động sau đã đi được nửa chặng; đề nghị đơn vị rà soát tiến độ.',
  end: 'Đợt hoạt động sau kết thúc hôm nay; đề nghị đơn vị tổng hợp kết quả.',
  'results-reminder': 'Xin nhắc hạn gửi báo cáo kết quả đợt hoạt động sau.',
  'results-due': 'Hôm nay là hạn gửi báo cáo kết quả đợt hoạt động sau.',
  'results-overdue': 'Báo cáo kết quả đợt hoạt động sau đã quá hạn.',
  'results-received': 'Đã ghi nhận báo cáo kết quả đợt hoạt động sau. Xin cảm ơn.',
};

const TAG_EN: Record<CampaignEmailKind, string> = {
  notice: 'Starting soon',
  start: 'Starts today',
  midpoint: 'Midpoint',
  end: 'Ends today',
  'results-reminder': 'Results report reminder',
  'results-due': 'Results report due today',
  'results-overdue': 'Results report overdue',
  'results-received': 'Results report received',
};

const OPENING_EN: Record<CampaignEmailKind, string> = {
  notice: 'The following campaign starts soon; please prepare your agency\'s plan to take part.',
  start: 'The following campaign starts today.',
  midpoint: 'The following campaign is half way through; please review your progress.',
  end: 'The following campaign ends today; please compile your results.',
  'results-reminder': 'A reminder of the deadline for the results report of the following campaign.',
  'results-due': 'Today is the deadline for the results report of the following campaign.',
  'results-overdue': 'The results report of the following campaign is overdue.',
  'results-received': 'The results report of the following campaign has been recorded. Thank you.',
};

export interface CampaignEmailContext {
  planNumber: string;
  planTitle: string;
  campaignName: string;
  year: number;
  start: string;
  end: string;
  resultsDue: string;
  organiser: { name: string; emails: string[] } | null;
  publicUrl: string;
}

export function composeCampaignEmail(kind: CampaignEmailKind, c: CampaignEmailContext, language: Language = 'vi'): ComposedEmail {
  const day = (iso: string) => dayWithWeekday(iso, language);
  const en = language === 'en';
  const organiser = c.organiser ? `${c.organiser.name}${c.organiser.emails.length ? ` (${c.organiser.emails.join(', ')})` : ''}` : null;
  const subject = en ? `[${TAG_EN[kind]}] ${c.planNumber} – ${c.campaignName} ${c.year}` : `[${TAG[kind]}] ${c.planNumber} – ${c.campaignName} năm ${c.year}`;
  const lines = en
    ? [
        OPENING_EN[kind],
        '',
        `Plan: ${c.planNumber} – ${c.planTitle}`,
        `Campaign: ${c.campaignName}`,
        `Dates: from ${day(c.start)} to ${day(c.end)}`,
        `Results report due: ${day(c.resultsDue)}`,
        ...(organiser ? [`Organised by: ${organiser}`] : []),
        '',
        `Details: ${c.publicUrl}/`,
        '',
        'An automatic email from the reporting-deadline system (Hạn báo cáo); please do not reply to it.',
      ]
    : [
        OPENING[kind],
        '',
        `Kế hoạch: ${c.planNumber} – ${c.planTitle}`,
        `Đợt: ${c.campaignName}`,
        `Thời gian: từ ${day(c.start)} đến ${day(c.end)}`,
        `Hạn báo cáo kết quả: ${day(c.resultsDue)}`,
        ...(organiser ? [`Cơ quan tổ chức: ${organiser}`] : []),
        '',
        `Xem chi tiết: ${c.publicUrl}/`,
        '',
        'Thư gửi tự động từ hệ thống Hạn báo cáo; vui lòng không trả lời thư này.',
      ];
  return composed(subject, lines.join('\n'), lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join(''), language);
}
