// The calendar feeds of a plan or an agency, for its coordinator (policy calendar.feed): make
// one (its URL appears once, in the form's status line, to be copied into a calendar app),
// and revoke those in use. The list never shows a URL: the service does not keep it.
import type { FeedKind, FeedSummary } from '../../services/calendar-feeds';
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
      <h2>Lịch hạn báo cáo (iCalendar)</h2>
      <p>
        Địa chỉ lịch cho Google Calendar, Outlook hay điện thoại: ai có địa chỉ đều xem được các hạn, nên địa chỉ chỉ hiện một lần khi tạo. Làm mất
        thì thu hồi và tạo địa chỉ mới.
      </p>
      <form data-api={`/api/${API[props.kind]}/${encodeURIComponent(props.targetId)}/calendar-feeds`} data-done="Đã tạo lịch." data-reload="no">
        <button>Tạo địa chỉ lịch</button>
        <span role="status" />
      </form>
      {active.length ? (
        <table id="calendar-feed-list">
          <thead>
            <tr>
              <th>Tạo lúc</th>
              <th>Người tạo</th>
              <th>Lần đọc gần nhất</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {active.map((f) => (
              <tr data-feed={f.id}>
                <td>
                  <Instant at={f.createdAt} />
                </td>
                <td>{f.createdBy ?? 'mã truy cập API'}</td>
                <td>{f.lastUsedAt ? <Instant at={f.lastUsedAt} /> : 'chưa dùng'}</td>
                <td>
                  <form class="inline" data-api={`/api/calendar-feeds/${encodeURIComponent(f.id)}/revocation`} data-confirm="Thu hồi địa chỉ lịch này? Lịch đã đăng ký sẽ không cập nhật nữa." data-done="Đã thu hồi.">
                    <button>Thu hồi</button>
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
