// The development inbox (the embedded SMTP catcher's messages) as the caller may read it:
// only messages addressed to people of the organisations where it holds `inbox.read`, that
// is their agencies' contacts and heads, their leadership and their users. One installation
// may serve a province and many communes; a coordinator must not read another commune's
// mail, even in development (the authorisation matrix's leak check found it did).
import type { Principal } from '../auth/policy';
import type { CaughtMail } from '../mail/mail-catcher';
import { scopeFor } from './access';
import type { ServiceDeps } from './deps';

export async function inboxFor(deps: Pick<ServiceDeps, 'db'>, principal: Principal, messages: readonly CaughtMail[]): Promise<CaughtMail[]> {
  const { organisationIds } = await scopeFor(deps, principal, 'inbox.read');
  if (!organisationIds.length || !messages.length) return [];
  const where = { organisationId: { in: organisationIds } };
  const [agencies, organisations, users] = await Promise.all([
    deps.db.agency.findMany({ where, select: { headEmail: true, contacts: { select: { email: true } } } }),
    deps.db.organisation.findMany({ where: { id: { in: organisationIds } }, select: { leadershipEmail: true } }),
    deps.db.user.findMany({ where: { memberships: { some: where } }, select: { email: true } }),
  ]);
  const theirs = new Set(
    [
      ...agencies.flatMap((a) => [a.headEmail, ...a.contacts.map((c) => c.email)]),
      ...organisations.map((o) => o.leadershipEmail),
      ...users.map((u) => u.email),
    ]
      .filter((e): e is string => !!e)
      .map((e) => e.toLowerCase()),
  );
  return messages.filter((m) => [...m.envelopeTo, ...m.to, ...m.cc].some((a) => theirs.has(a.toLowerCase())));
}
