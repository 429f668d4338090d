// How the audit log reads for people, shared by the page and the CSV export so they never
// disagree: the Vietnamese name of each action, who acted, and the local time.
import { formatViDate, localDateOf, TIME_ZONE } from '../../domain/local-date';
import { tr } from '../ui/i18n';

export const AUDIT_ACTION_NAMES_VI: Record<string, string> = {
  'deadline.submit': 'Ghi nhận báo cáo đã nhận',
  'deadline.remind': 'Gửi nhắc ngay',
  'deadline.extend': 'Gia hạn',
  'deadline.waive': 'Miễn báo cáo kỳ này',
  'plan.import': 'Nhập kế hoạch',
  'plan.adhoc': 'Yêu cầu báo cáo đột xuất',
  'plan.rollup': 'Tạo báo cáo tổng hợp gửi cấp trên',
  'plan.policy': 'Đổi chính sách nhắc hạn',
  'campaign.results': 'Ghi nhận báo cáo kết quả đợt hoạt động',
  'campaign.results-due': 'Đặt hạn báo cáo kết quả đợt hoạt động',
  'calendar.feed.create': 'Tạo địa chỉ lịch (iCalendar)',
  'calendar.feed.revoke': 'Thu hồi địa chỉ lịch (iCalendar)',
  'admin.organisation.create': 'Tạo cơ quan',
  'admin.organisation.update': 'Sửa thông tin cơ quan',
  'admin.agency.create': 'Tạo đơn vị',
  'admin.agency.update': 'Sửa thông tin đơn vị',
  'admin.agency.contact.add': 'Thêm đầu mối liên hệ',
  'admin.agency.contact.update': 'Sửa đầu mối liên hệ',
  'admin.agency.contact.remove': 'Xóa đầu mối liên hệ',
  'admin.user.create': 'Tạo tài khoản',
  'admin.user.membership.add': 'Giao vai trò',
  'admin.user.membership.remove': 'Thu hồi vai trò',
  'admin.user.disable': 'Khóa tài khoản',
  'admin.user.enable': 'Mở khóa tài khoản',
};

export function auditActionVi(action: string): string {
  return AUDIT_ACTION_NAMES_VI[action] ?? action;
}

const ACTOR_TYPES_VI: Record<string, string> = { user: 'Người dùng', token: 'Mã truy cập API', system: 'Hệ thống' };

export function actorTypeVi(type: string): string {
  return ACTOR_TYPES_VI[type] ?? type;
}

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** "04/11/2026 08:00:05", local time (Asia/Ho_Chi_Minh). */
export function formatAuditInstant(iso: string): string {
  const at = new Date(iso);
  return `${formatViDate(localDateOf(at))} ${TIME.format(at)}`;
}

// The page in English (the CSV export stays in Vietnamese: the offices file it as it is).
const AUDIT_ACTION_NAMES_EN: Record<string, string> = {
  'deadline.submit': 'Record a report received',
  'deadline.remind': 'Remind now',
  'deadline.extend': 'Extend',
  'deadline.waive': 'Waive a period',
  'plan.import': 'Import a plan',
  'plan.adhoc': 'Request an ad-hoc report',
  'plan.rollup': 'Create a roll-up report to the level above',
  'plan.policy': 'Change the reminder policy',
  'campaign.results': "Record a campaign's results report",
  'admin.organisation.create': 'Create an organisation',
  'admin.organisation.update': 'Edit an organisation',
  'admin.agency.create': 'Create an agency',
  'admin.agency.update': 'Edit an agency',
  'admin.agency.contact.add': 'Add a contact',
  'admin.agency.contact.update': 'Edit a contact',
  'admin.agency.contact.remove': 'Remove a contact',
  'admin.user.create': 'Create an account',
  'admin.user.membership.add': 'Give a role',
  'admin.user.membership.remove': 'Revoke a role',
  'admin.user.disable': 'Lock an account',
  'admin.user.enable': 'Unlock an account',
};

const ACTOR_TYPES_EN: Record<string, string> = { user: 'User', token: 'API token', system: 'System' };

export function auditActionText(action: string): string {
  return tr(auditActionVi(action), AUDIT_ACTION_NAMES_EN[action] ?? action);
}

export function actorTypeText(type: string): string {
  return tr(actorTypeVi(type), ACTOR_TYPES_EN[type] ?? type);
}
