// Loads everything an email about one deadline needs, at send time, so a contact whose
// address changed yesterday gets today's reminder at the new address; and who each
// audience of a step is. Shared by the activities that send and the services that seed.
import type { DbTx } from '../db';

export type Audience = 'agency-contacts' | 'agency-head' | 'coordinator' | 'coordinator-head' | 'leadership';

export interface Recipient {
  name: string;
  email: string;
}

export async function loadDeadlineContext(deps: { db: DbTx }, deadlineId: string) {
  const deadline = await deps.db.deadline.findUniqueOrThrow({
    where: { id: deadlineId },
    include: {
      obligation: {
        include: {
          agency: { include: { contacts: true } },
          plan: { include: { organisation: true } },
        },
      },
    },
  });
  const plan = deadline.obligation.plan;
  // A plan without a coordinator of its own goes through its organisation's coordinating
  // office (set by an administrator), whose head receives the level-1 escalations.
  const coordinatorId = plan.coordinatorAgencyId ?? plan.organisation.coordinatorAgencyId;
  const coordinator = coordinatorId ? await deps.db.agency.findUnique({ where: { id: coordinatorId }, include: { contacts: true } }) : null;
  return { deadline, obligation: deadline.obligation, agency: deadline.obligation.agency, plan, coordinator };
}

export type DeadlineContext = Awaited<ReturnType<typeof loadDeadlineContext>>;

function person(name: string | null | undefined, email: string | null | undefined): Recipient[] {
  return email ? [{ name: name ?? email, email }] : [];
}

/** Resolves audiences to people, one entry per address (case-insensitive). */
export function recipientsFor(ctx: DeadlineContext, audiences: readonly string[]): Recipient[] {
  const byAudience: Record<Audience, () => Recipient[]> = {
    'agency-contacts': () => ctx.agency.contacts.map((c) => ({ name: c.name, email: c.email })),
    'agency-head': () => person(ctx.agency.headName, ctx.agency.headEmail),
    coordinator: () => (ctx.coordinator?.contacts ?? []).map((c) => ({ name: c.name, email: c.email })),
    'coordinator-head': () => person(ctx.coordinator?.headName, ctx.coordinator?.headEmail),
    leadership: () => person(ctx.plan.organisation.leadershipName, ctx.plan.organisation.leadershipEmail),
  };
  return uniqueRecipients(audiences.flatMap((audience) => byAudience[audience as Audience]?.() ?? []));
}

/** One entry per address (case-insensitive, trimmed), first name kept. */
export function uniqueRecipients(people: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const r of people) {
    const key = r.email.trim().toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ name: r.name, email: r.email.trim() });
    }
  }
  return out;
}
