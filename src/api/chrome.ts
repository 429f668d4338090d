// What every page's header shows its visitor, built in one place from the policy table: a
// link appears only where the visitor may act somewhere (canSomewhere), so a page never offers
// what its route would refuse. Pages receive the result and only show it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTIONS, ANONYMOUS, canSomewhere, type Action, type Principal } from '../auth/policy';
import { tr } from '../web/ui/i18n';
import { ANONYMOUS_CHROME, type NavLink, type PageChrome } from '../web/ui/layout';

/** What the site offers beyond the policy: the development inbox exists only beside the embedded SMTP catcher. */
export interface SiteFeatures {
  inbox: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by installChrome; absent outside the scope of the pages (the root's not-found handler). */
    hbcSite?: SiteFeatures;
  }
}

const ADMIN_ACTIONS: Action[] = ACTIONS.filter((a) => a.startsWith('admin.'));

// Labels are functions: the header is built per request, in the request's language.
const LINKS: { href: string; label: () => string; shown: (p: Principal, site: SiteFeatures) => boolean }[] = [
  { href: '/board', label: () => tr('Bảng theo dõi', 'Board'), shown: (p) => canSomewhere(p, 'deadline.read') },
  { href: '/', label: () => tr('Danh sách hạn', 'Deadlines'), shown: (p) => canSomewhere(p, 'deadline.read') },
  { href: '/late', label: () => tr('Chậm báo cáo', 'Late agencies'), shown: (p) => canSomewhere(p, 'deadline.read') },
  { href: '/replies', label: () => tr('Thư trả lời', 'Replies by email'), shown: (p) => canSomewhere(p, 'reply.read') },
  { href: '/imports/new', label: () => tr('Nhập kế hoạch', 'Import a plan'), shown: (p) => canSomewhere(p, 'plan.import') },
  { href: '/admin', label: () => tr('Quản trị', 'Administration'), shown: (p) => ADMIN_ACTIONS.some((a) => canSomewhere(p, a)) },
  { href: '/admin/audit', label: () => tr('Nhật ký', 'Audit log'), shown: (p) => canSomewhere(p, 'audit.read') },
  { href: '/inbox', label: () => tr('Hộp thư (dev)', 'Inbox (dev)'), shown: (p, site) => site.inbox && canSomewhere(p, 'inbox.read') },
];

/** The header's links for a principal, in a fixed order. */
export function navFor(principal: Principal, site: SiteFeatures): NavLink[] {
  return LINKS.filter((l) => l.shown(principal, site)).map(({ href, label }) => ({ href, label: label() }));
}

/** Called once by the page routes, so every page of their scope knows what the site offers. */
export function installChrome(app: FastifyInstance, site: SiteFeatures): void {
  app.decorate('hbcSite', site);
}

/**
 * The chrome of the page answering `req`: the visitor's links, who is signed in, and a CSRF
 * token for the sign-out form and the page's own requests. Only a signed-in user gets a
 * token: generating one stores a secret in the session, and a visitor without a session (a
 * Bearer token, the root's not-found page) has no form to protect.
 */
export function chromeFor(req: FastifyRequest, reply: FastifyReply): PageChrome {
  const principal = req.principal ?? ANONYMOUS;
  if (principal.kind === 'anonymous') return ANONYMOUS_CHROME;
  const site = req.server.hbcSite ?? { inbox: false };
  const csrfToken = principal.kind === 'user' && typeof reply.generateCsrf === 'function' ? reply.generateCsrf() : undefined;
  return { user: principal.label, nav: navFor(principal, site), ...(csrfToken ? { csrfToken } : {}) };
}
