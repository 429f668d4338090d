// The leader's weekly digest of one organisation (and its communes): composed at the
// planned instant from the database, committed as one pending outbox row keyed by
// organisation and day, and sent through the outbox's claim, so a retried activity sends it
// once. Nothing is sent when nothing was due (DOMAIN.md: no mail when nothing is due) or when
// the organisation has no leadership email.
import { formatViInstant, localDateOf, toIsoDate } from '../src/domain/local-date';
import { weeklyDigestFigures, type WeekFigures } from '../src/domain/weekly-digest';
import { currentCalendar } from '../src/stores/calendar.store';
import { digestFacts } from '../src/stores/weekly-digest.store';
import type { ActivityDeps } from './deps';
import { composed, escapeHtml } from './email/html';
import { deliverOne } from './outbox';

export interface WeeklyDigestActivities {
  /** 'sent', 'failed', 'skipped' (sent before), 'nothing' (nothing was due) or 'no-recipient'. */
  sendWeeklyDigest(input: { organisationId: string; at: string }): Promise<string>;
}

const change = (now: number, before: number) => (now === before ? 'như tuần trước' : now > before ? `tăng ${now - before} so với tuần trước` : `giảm ${before - now} so với tuần trước`);

function lines(w: WeekFigures, b: WeekFigures): [string, string][] {
  return [
    ['Nộp đúng hạn trong tuần', `${w.onTime} (${change(w.onTime, b.onTime)})`],
    ['Nộp quá hạn trong tuần', `${w.late} (${change(w.late, b.late)})`],
    ['Đang quá hạn, chưa nộp', `${w.missing} (${change(w.missing, b.missing)})`],
  ];
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
      const rows = lines(thisWeek, weekBefore);
      const subject = `[Tổng hợp tuần] ${org.name}: ${thisWeek.missing} báo cáo đang quá hạn`;
      const link = `${deps.publicUrl}/late`;
      const text = [`Kính gửi: ${org.leadershipName ?? 'Lãnh đạo'}`, '', `Tình hình báo cáo của ${org.name} đến ${formatViInstant(when)}:`, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', `Danh sách đơn vị chậm báo cáo: ${link}`].join('\n');
      const html = [
        `<p>Kính gửi: <b>${escapeHtml(org.leadershipName ?? 'Lãnh đạo')}</b></p>`,
        `<p>Tình hình báo cáo của ${escapeHtml(org.name)} đến ${escapeHtml(formatViInstant(when))}:</p>`,
        '<table cellpadding="4">',
        ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
        '</table>',
        `<p><a href="${escapeHtml(link)}">Danh sách đơn vị chậm báo cáo</a></p>`,
      ].join('\n');
      const mail = composed(subject, text, html);
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
