// The header of the administration pages: the links the visitor's grants allow (the policy
// decides, by action), who is signed in, and the CSRF token for the sign-out form.
import { canSomewhere, type Action, type Principal } from '../../auth/policy';
import { tr } from '../ui/i18n';
import type { PageChrome } from '../ui/layout';

const LINKS: { href: string; label: () => string; action: Action }[] = [
  { href: '/', label: () => tr('Hạn báo cáo', 'Deadlines'), action: 'deadline.read' },
  { href: '/imports/new', label: () => tr('Nhập kế hoạch', 'Import a plan'), action: 'plan.import' },
  { href: '/admin/organisations', label: () => tr('Cơ quan', 'Organisations'), action: 'admin.organisation' },
  { href: '/admin/agencies', label: () => tr('Đơn vị', 'Agencies'), action: 'admin.agency' },
  { href: '/admin/users', label: () => tr('Người dùng', 'Users'), action: 'admin.user' },
  { href: '/admin/audit', label: () => tr('Nhật ký thay đổi', 'Audit log'), action: 'audit.read' },
];

export function adminChrome(principal: Principal, csrfToken: string): PageChrome {
  if (principal.kind === 'anonymous') return { nav: [], csrfToken };
  return {
    user: principal.label,
    nav: LINKS.filter((l) => canSomewhere(principal, l.action)).map(({ href, label }) => ({ href, label: label() })),
    csrfToken,
  };
}
