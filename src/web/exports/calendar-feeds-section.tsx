// The calendar feeds of a plan or an agency, for its coordinator (policy calendar.feed): make
// one (its URL appears once, in the form's status line, to be copied into a calendar app),
// and revoke those in use. The list never shows a URL: the service does not keep it.
import type { FeedKind, FeedSummary } from '../../services/calendar-feeds';
import { tr } from '../ui/i18n';
import { Instant } from '../ui/parts';

export interface FeedsSectionProps {
  kind: FeedKind;
  targetId: string;
  feeds: FeedSummary[];
}

const API: Record<FeedKind, string> = { plan: 'plans', agency: 'agencies' };

export function CalendarFeedsSection(props: FeedsSectionProps) {
  const active = props.feeds.filter((f) => !f.revokedAt);
  return (
    <section id="calendar-feeds">
      <h2>{tr('Lịch hạn báo cáo (iCalendar)', 'Deadline calendar (iCalendar)')}</h2>
      <p>
        {tr(
          'Địa chỉ lịch cho Google Calendar, Outlook hay điện thoại: ai có địa chỉ đều xem được các hạn, nên địa chỉ chỉ hiện một lần khi tạo. Làm mất thì thu hồi và tạo địa chỉ mới.',
          'A calendar address for Google Calendar, Outlook or a phone: whoever holds it sees the deadlines, so it is shown once, when made. If it is lost, revoke it and make a new one.',
        )}
      </p>
      <form data-api={`/api/${API[props.kind]}/${encodeURIComponent(props.targetId)}/calendar-feeds`} data-done={tr('Đã tạo lịch.', 'Calendar made.')} data-reload="no">
        <button>{tr('Tạo địa chỉ lịch', 'Make a calendar address')}</button>
        <span role="status" />
      </form>
      {active.length ? (
        <table id="calendar-feed-list">
          <thead>
            <tr>
              <th>{tr('Tạo lúc', 'Made at')}</th>
              <th>{tr('Người tạo', 'Made by')}</th>
              <th>{tr('Lần đọc gần nhất', 'Last read')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {active.map((f) => (
              <tr data-feed={f.id}>
                <td>
                  <Instant at={f.createdAt} />
                </td>
                <td>{f.createdBy ?? tr('mã truy cập API', 'an API token')}</td>
                <td>{f.lastUsedAt ? <Instant at={f.lastUsedAt} /> : tr('chưa dùng', 'not used yet')}</td>
                <td>
                  <form class="inline" data-api={`/api/calendar-feeds/${encodeURIComponent(f.id)}/revocation`} data-confirm={tr('Thu hồi địa chỉ lịch này? Lịch đã đăng ký sẽ không cập nhật nữa.', 'Revoke this calendar address? Subscribed calendars will stop updating.')} data-done={tr('Đã thu hồi.', 'Revoked.')}>
                    <button>{tr('Thu hồi', 'Revoke')}</button>
                    <span role="status" />
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
