// One agency (GET /agencies/:id): its head and contacts, what it must report under which
// plans, and its on-time record over the years, then its reports on the board's terms.
import { formatRate } from '../../domain/board';
import type { BoardRow } from '../../services/board';
import type { AgencyView } from '../../services/plan-view';
import { BOARD_CSS } from '../board/board-page';
import { BoardTable } from '../board/board-table';
import { CalendarFeedsSection, type FeedsSectionProps } from '../exports/calendar-feeds-section';
import { ApiFormsScript } from '../ui/api-forms';
import { Layout, type PageChrome } from '../ui/layout';
import { Style } from '../ui/parts';
import { renderPage } from '../ui/render';
import { tr } from '../ui/i18n';

export function agencyPage(view: AgencyView, canRemind: (r: BoardRow) => boolean, chrome: PageChrome, feeds?: FeedsSectionProps): string {
  const { agency, record } = view;
  return renderPage(
    <Layout title={agency.name} chrome={chrome}>
      <Style css={BOARD_CSS} />
      <h1>{agency.name}</h1>
      <p>{agency.organisation}</p>
      <p>{tr(`Thủ trưởng: ${agency.headName ?? 'chưa ghi'}`, `Head: ${agency.headName ?? 'not recorded'}`)}
        {agency.headEmail ? ` <${agency.headEmail}>` : ''}</p>
      <h2>{tr('Người liên hệ', 'Contacts')}</h2>
      {view.contacts.length ? (
        <ul id="contacts">
          {view.contacts.map((c) => (
            <li>{`${c.name} <${c.email}>${c.phone ? `, ${c.phone}` : ''}`}</li>
          ))}
        </ul>
      ) : (
        <p>{tr('Chưa có người liên hệ: nhắc hạn chỉ gửi được tới thủ trưởng.', 'No contacts yet: reminders can go only to the head.')}</p>
      )}
      <h2>{tr('Nhiệm vụ báo cáo', 'Reporting obligations')}</h2>
      <ul id="obligations">
        {view.obligations.map((o) => (
          <li>
            <a href={`/plans/${encodeURIComponent(o.planId)}`}>{o.planNumber}</a>
            {`: ${o.title ? `${o.title} – ` : ''}${o.ruleText}${o.indicators ? ` (${o.indicators})` : ''}`}
          </li>
        ))}
      </ul>
      <h2>{tr('Kết quả báo cáo đúng hạn', 'On-time record')}</h2>
      <p id="record">{tr(
          `Tất cả các năm: đã nộp ${record.received}/${record.expected}, đúng hạn ${record.onTime}/${record.expected} (tỷ lệ đúng hạn ${formatRate(record.onTimeRate)}).`,
          `All years: received ${record.received}/${record.expected}, on time ${record.onTime}/${record.expected} (on-time rate ${formatRate(record.onTimeRate)}).`,
        )}</p>
      <table id="by-year">
        <thead>
          <tr>
            <th>{tr('Năm', 'Year')}</th>
            <th>{tr('Phải nộp', 'Expected')}</th>
            <th>{tr('Đã nộp', 'Received')}</th>
            <th>{tr('Đúng hạn', 'On time')}</th>
            <th>{tr('Tỷ lệ đúng hạn', 'On-time rate')}</th>
          </tr>
        </thead>
        <tbody>
          {view.byYear.map((y) => (
            <tr data-year={y.year}>
              <td>{y.year}</td>
              <td class="num">{String(y.expected)}</td>
              <td class="num">{String(y.received)}</td>
              <td class="num">{String(y.onTime)}</td>
              <td class="num">{formatRate(y.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{tr('Các hạn báo cáo', 'Deadlines')}</h2>
      <BoardTable rows={view.rows} canRemind={canRemind} />
      {feeds ? <CalendarFeedsSection {...feeds} /> : null}
      <ApiFormsScript />
    </Layout>,
  );
}
