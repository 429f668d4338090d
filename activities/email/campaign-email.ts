// Vietnamese emails around one campaign run ("Tháng hành động ... 15/11-15/12/2026"):
// what is starting or ending, the dates with weekdays, the results report and its date.
import { dayWithWeekday as day } from './deadline-email';
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

export function composeCampaignEmail(kind: CampaignEmailKind, c: CampaignEmailContext): ComposedEmail {
  const subject = `[${TAG[kind]}] ${c.planNumber} – ${c.campaignName} năm ${c.year}`;
  const lines = [
    OPENING[kind],
    '',
    `Kế hoạch: ${c.planNumber} – ${c.planTitle}`,
    `Đợt: ${c.campaignName}`,
    `Thời gian: từ ${day(c.start)} đến ${day(c.end)}`,
    `Hạn báo cáo kết quả: ${day(c.resultsDue)}`,
    ...(c.organiser ? [`Cơ quan tổ chức: ${c.organiser.name}${c.organiser.emails.length ? ` (${c.organiser.emails.join(', ')})` : ''}`] : []),
    '',
    `Xem chi tiết: ${c.publicUrl}/`,
    '',
    'Thư gửi tự động từ hệ thống Hạn báo cáo; vui lòng không trả lời thư này.',
  ];
  return composed(subject, lines.join('\n'), lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join(''));
}
