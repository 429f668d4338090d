// The leader's weekly digest of one organisation (and its communes): composed at the
// planned instant from the database, committed as one pending outbox row keyed by
// organisation and day, and sent through the outbox's claim, so a retried activity sends it
// once. Nothing is sent when nothing was due (DOMAIN.md: no mail when nothing is due) or when
// the organisation has no leadership email.
import { formatInstantIn, type Language } from '../src/domain/language';
import { localDateOf, toIsoDate } from '../src/domain/local-date';
import { weeklyDigestFigures, type WeekFigures } from '../src/domain/weekly-digest';
import { currentCalendar } from '../src/stores/calendar.store';
import { emailLanguage } from '../src/stores/email-language';
import { digestFacts } from '../src/stores/weekly-digest.store';
import type { ActivityDeps } from './deps';
import { composed, escapeHtml } from './email/html';
import { deliverOne } from './outbox';

export interface WeeklyDigestActivities {
  /** 'sent', 'failed', 'skipped' (sent before), 'nothing' (nothing was due) or 'no-recipient'. */
  sendWeeklyDigest(input: { organisationId: string; at: string }): Promise<string>;
}

const change = (now: number, before: number) => (now === before ? 'như tuần trước' : now > before ? `tăng ${now - before} so với tuần trước` : `giảm ${before - now} so với tuần trước`);
const changeEn = (now: number, before: number) => (now === before ? 'as the week before' : now > before ? `${now - before} more than the week before` : `${before - now} fewer than the week before`);

function lines(w: WeekFigures, b: WeekFigures, language: Language): [string, string][] {
  if (language === 'en') {
    return [
      ['Sent on time this week', `${w.onTime} (${changeEn(w.onTime, b.onTime)})`],
      ['Sent late this week', `${w.late} (${changeEn(w.late, b.late)})`],
      ['Overdue, not yet sent', `${w.missing} (${changeEn(w.missing, b.missing)})`],
    ];
  }
  return [
    ['Nộp đúng hạn trong tuần', `${w.onTime} (${change(w.onTime, b.onTime)})`],
    ['Nộp quá hạn trong tuần', `${w.late} (${change(w.late, b.late)})`],
    ['Đang quá hạn, chưa nộp', `${w.missing} (${change(w.missing, b.missing)})`],
  ];
}

/** The digest's words in the leader's language; the organisation's and the leader's names as typed. */
function words(language: Language, org: { name: string; leadershipName: string | null }, missing: number, when: string) {
  return language === 'en'
    ? {
        subject: `[Weekly digest] ${org.name}: ${missing} report${missing === 1 ? '' : 's'} overdue`,
        to: 'To',
        leader: org.leadershipName ?? 'Leadership',
        status: (name: string) => `Reporting at ${name} as of ${when}:`,
        lateList: 'Agencies late with their reports',
      }
    : {
        subject: `[Tổng hợp tuần] ${org.name}: ${missing} báo cáo đang quá hạn`,
        to: 'Kính gửi',
        leader: org.leadershipName ?? 'Lãnh đạo',
        status: (name: string) => `Tình hình báo cáo của ${name} đến ${when}:`,
        lateList: 'Danh sách đơn vị chậm báo cáo',
      };
}

export function createWeeklyDigestActivities(deps: ActivityDeps): WeeklyDigestActivities {
  return {
    async sendWeeklyDigest({ organisationId, at }) {
      const org = await deps.db.organisation.findUnique({ where: { id: organisationId } });
      if (!org?.leadershipEmail) return 'no-recipient';
      const when = new Date(at);
      const { thisWeek, weekBefore } = weeklyDigestFigures(await digestFacts(deps.db, organisationId), when, currentCalendar());
      if (![...Object.values(thisWeek), ...Object.values(weekBefore)].some((n) => n > 0)) return 'nothing';
      const key = `weekly-digest:${organisationId}:${toIsoDate(localDateOf(when))}`;
      // The leader's language: a user (or contact) with the leadership address who chose English.
      const language = await emailLanguage(deps.db, org.leadershipEmail);
      const rows = lines(thisWeek, weekBefore, language);
      const w = words(language, org, thisWeek.missing, formatInstantIn(when, language));
      const subject = w.subject;
      const link = `${deps.publicUrl}/late`;
      const text = [`${w.to}: ${w.leader}`, '', w.status(org.name), '', ...rows.map(([k, v]) => `${k}: ${v}`), '', `${w.lateList}: ${link}`].join('\n');
      const html = [
        `<p>${w.to}: <b>${escapeHtml(w.leader)}</b></p>`,
        `<p>${escapeHtml(w.status(org.name))}</p>`,
        '<table cellpadding="4">',
        ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
        '</table>',
        `<p><a href="${escapeHtml(link)}">${w.lateList}</a></p>`,
      ].join('\n');
      const mail = composed(subject, text, html, language);
      await deps.db.outboxMessage.upsert({
        where: { key },
        update: {},
        create: { id: key, key, stepKey: 'weekly-digest', recipient: org.leadershipEmail, subject, status: 'pending', claimedAt: deps.clock(), payload: JSON.stringify({ subject, text, html: mail.html }) },
      });
      return deliverOne(deps, key, async (row) => {
        const p = JSON.parse(row.payload) as { subject: string; text: string; html: string };
        const headers: Record<string, string> = { 'X-Hbc-Step': 'weekly-digest' };
        return { subject: p.subject, text: p.text, html: p.html, headers };
      });
    },
  };
}
