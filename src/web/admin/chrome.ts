// The header of the administration pages: the links the visitor's grants allow (the policy
// decides, by action), who is signed in, and the CSRF token for the sign-out form.
import { canSomewhere, type Action, type Principal } from '../../auth/policy';
import type { NavLink, PageChrome } from '../ui/layout';

const LINKS: (NavLink & { action: Action })[] = [
  { href: '/', label: 'Hạn báo cáo', action: 'deadline.read' },
  { href: '/imports/new', label: 'Nhập kế hoạch', action: 'plan.import' },
  { href: '/admin/organisations', label: 'Cơ quan', action: 'admin.organisation' },
  { href: '/admin/agencies', label: 'Đơn vị', action: 'admin.agency' },
  { href: '/admin/users', label: 'Người dùng', action: 'admin.user' },
  { href: '/admin/audit', label: 'Nhật ký thay đổi', action: 'audit.read' },
];

export function adminChrome(principal: Principal, csrfToken: string): PageChrome {
  if (principal.kind === 'anonymous') return { nav: [], csrfToken };
  return {
    user: principal.label,
    nav: LINKS.filter((l) => canSomewhere(principal, l.action)).map(({ href, label }) => ({ href, label })),
    csrfToken,
  };
}
