// Calendar feeds per plan and per agency: every deadline's last day (and, for a plan, each
// campaign's run) at a URL a calendar app subscribes to without a session. The token in the
// URL is the only credential: `cal_` + 256 random bits, shown once when the feed is made
// (like an API token: whoever holds the URL reads the feed, so it is not kept where a page
// could show it again; a lost URL is revoked and a new one made), stored only as its
// SHA-256. Revoked, not deleted, so the audit log's references stay meaningful; an unknown
// or revoked token reads as nothing (the route answers 404 with no detail).
import { randomBytes, randomUUID } from 'node:crypto';
import { formatViDateWithWeekday, parseIsoDate } from '../domain/local-date';
import { appendAudit, type Actor } from './audit';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { hashToken } from './principals';

export type FeedKind = 'agency' | 'plan';

export interface FeedSummary {
  id: string;
  kind: FeedKind;
  targetId: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The path of a feed's file: what a calendar app subscribes to (after the site's address). */
export const feedPath = (token: string) => `/lich/${token}.ics`;

/** What a token looks like: anything else is not looked up. */
export const FEED_TOKEN = /^cal_[A-Za-z0-9_-]{43}$/;

type FeedRow = { id: string; kind: string; targetId: string; createdById: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

async function summaries(deps: Pick<ServiceDeps, 'db'>, rows: FeedRow[]): Promise<FeedSummary[]> {
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((c): c is string => !!c))];
  const creators = new Map((await deps.db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as FeedKind,
    targetId: r.targetId,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (creators.get(r.createdById) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** The feeds of a plan or an agency, newest first (never their tokens). */
export async function listCalendarFeeds(deps: Pick<ServiceDeps, 'db'>, kind: FeedKind, targetId: string): Promise<FeedSummary[]> {
  const rows = await deps.db.calendarFeed.findMany({ where: { kind, targetId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return summaries(deps, rows);
}

async function organisationOf(deps: Pick<ServiceDeps, 'db'>, kind: FeedKind, targetId: string): Promise<string> {
  const row = kind === 'plan'
    ? await deps.db.plan.findUnique({ where: { id: targetId }, select: { organisationId: true } })
    : await deps.db.agency.findUnique({ where: { id: targetId }, select: { organisationId: true } });
  if (!row) throw new ServiceError('not-found', 'Không tìm thấy nội dung này.', `No such ${kind}.`, [targetId]);
  return row.organisationId;
}

/** Makes a feed; the answer is the only place its token ever appears. */
export async function createCalendarFeed(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, kind: FeedKind, targetId: string): Promise<FeedSummary & { token: string; path: string }> {
  const organisationId = await organisationOf(deps, kind, targetId);
  const token = `cal_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock();
  const row = await deps.db.$transaction(async (tx) => {
    const created = await tx.calendarFeed.create({
      data: { id: randomUUID(), organisationId, kind, targetId, tokenHash: hashToken(token), createdById: actor.principal.kind === 'user' ? actor.principal.id : null, createdAt: now },
    });
    await appendAudit(tx, now, actor, { action: 'calendar.feed.create', organisationId, subjectType: 'calendarFeed', subjectId: created.id, after: { kind, targetId } });
    return created;
  });
  const [summary] = await summaries(deps, [row]);
  return { ...summary!, token, path: feedPath(token) };
}

/** Revokes a feed at once (its next read is a 404); revoking it again changes nothing. */
export async function revokeCalendarFeed(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, id: string): Promise<FeedSummary> {
  const now = deps.clock();
  const row = await deps.db.$transaction(async (tx) => {
    const before = await tx.calendarFeed.findUnique({ where: { id } });
    if (!before) throw new ServiceError('not-found', 'Không tìm thấy lịch này.', 'No such calendar feed.', [id]);
    if (before.revokedAt) return before;
    const after = await tx.calendarFeed.update({ where: { id }, data: { revokedAt: now } });
    await appendAudit(tx, now, actor, {
      action: 'calendar.feed.revoke',
      organisationId: before.organisationId,
      subjectType: 'calendarFeed',
      subjectId: id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return after;
  });
  return (await summaries(deps, [row]))[0]!;
}

/** One event of a feed: an all-day day or range of local days (ISO, `end` inclusive). */
export interface FeedEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
}

export interface FeedContent {
  name: string;
  events: FeedEvent[];
}

const viDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The feed behind a token, or null for a token that is malformed, unknown or revoked (the
 * same answer for each, so nothing can be learnt by probing). Records when it was last read.
 */
export async function readCalendarFeed(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<FeedContent | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const feed = await deps.db.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!feed || feed.revokedAt) return null;
  await deps.db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: deps.clock() } });

  const where = feed.kind === 'plan' ? { obligation: { planId: feed.targetId } } : { obligation: { agencyId: feed.targetId } };
  const deadlines = await deps.db.deadline.findMany({
    where: { ...where, status: { notIn: ['waived', 'before-tracking'] } },
    select: {
      id: true, periodLabel: true, lastDay: true, dataFrom: true, dataTo: true,
      obligation: { select: { ruleText: true, title: true, agency: { select: { name: true } }, plan: { select: { number: true, title: true, issuedOn: true } } } },
    },
    orderBy: [{ lastDay: 'asc' }, { id: 'asc' }],
  });
  const events: FeedEvent[] = deadlines.map((d) => {
    const o = d.obligation;
    const what = o.title || 'Báo cáo';
    return {
      uid: `deadline-${d.id}@hanbaocao`,
      start: d.lastDay,
      end: d.lastDay,
      summary: `Hạn cuối: ${what} ${d.periodLabel} – ${o.agency.name} (Kế hoạch số ${o.plan.number})`,
      description: [
        `Kế hoạch số ${o.plan.number} ngày ${viDay(o.plan.issuedOn)}: ${o.plan.title}`,
        `Đơn vị báo cáo: ${o.agency.name}`,
        ...(o.title ? [`Nội dung: ${o.title}`] : []),
        `Quy định: ${o.ruleText}`,
        `Kỳ báo cáo: ${d.periodLabel}; số liệu từ ${viDay(d.dataFrom)} đến ${viDay(d.dataTo)}`,
        `Hạn cuối: ${formatViDateWithWeekday(parseIsoDate(d.lastDay))}`,
      ].join('\n'),
    };
  });
  let name: string;
  if (feed.kind === 'plan') {
    const plan = await deps.db.plan.findUnique({ where: { id: feed.targetId }, select: { number: true, title: true } });
    name = `Hạn báo cáo – Kế hoạch số ${plan?.number ?? ''}`;
    const runs = await deps.db.campaignRun.findMany({ where: { campaign: { planId: feed.targetId } }, select: { id: true, year: true, start: true, end: true, campaign: { select: { name: true } } }, orderBy: { start: 'asc' } });
    for (const r of runs) {
      events.push({
        uid: `campaign-run-${r.id}@hanbaocao`,
        start: r.start,
        end: r.end,
        summary: `${r.campaign.name} ${r.year} (Kế hoạch số ${plan?.number ?? ''})`,
        description: `Kế hoạch số ${plan?.number ?? ''}: ${plan?.title ?? ''}\nTừ ${viDay(r.start)} đến ${viDay(r.end)}`,
      });
    }
  } else {
    const agency = await deps.db.agency.findUnique({ where: { id: feed.targetId }, select: { name: true } });
    name = `Hạn báo cáo – ${agency?.name ?? ''}`;
  }
  return { name, events };
}
