// The leader's page (GET /late): late agencies across plans with their working days late and
// the escalations sent, and for a province the roll-up of its communes this year.
import { formatRate } from '../../domain/board';
import type { BoardRow } from '../../services/board';
import type { LateView } from '../../services/late-view';
import { ApiFormsScript } from '../ui/api-forms';
import { Layout, type PageChrome } from '../ui/layout';
import { Style } from '../ui/parts';
import { renderPage } from '../ui/render';
import { BOARD_CSS } from './board-page';
import { BoardTable } from './board-table';
import { tr } from '../ui/i18n';

function Communes(props: { view: LateView }) {
  const { view } = props;
  if (!view.byOrganisation.length) return null;
  return (
    <>
      <h2>{tr(`Các xã trong năm ${view.year}`, `Communes in ${view.year}`)}</h2>
      <table id="communes">
        <thead>
          <tr>
            <th>{tr('Xã', 'Commune')}</th>
            <th>{tr('Phải nộp', 'Expected')}</th>
            <th>{tr('Đã nộp', 'Received')}</th>
            <th>{tr('Quá hạn', 'Overdue')}</th>
            <th>{tr('Tỷ lệ báo cáo', 'Reporting rate')}</th>
            <th>{tr('Tỷ lệ đúng hạn', 'On-time rate')}</th>
          </tr>
        </thead>
        <tbody>
          {view.byOrganisation.map((o) => (
            <tr data-id={o.id}>
              <td>{o.name}</td>
              <td class="num">{String(o.expected)}</td>
              <td class="num">{String(o.received)}</td>
              <td class="num">{String(o.overdue)}</td>
              <td class="num">{formatRate(o.reportingRate)}</td>
              <td class="num">{formatRate(o.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function latePage(view: LateView, canRemind: (r: BoardRow) => boolean, chrome: PageChrome, canUrge?: (r: BoardRow) => boolean): string {
  return renderPage(
    <Layout title={tr('Đơn vị chậm báo cáo', 'Late agencies')} chrome={chrome}>
      <Style css={BOARD_CSS} />
      <h1>{tr('Đơn vị chậm báo cáo', 'Late agencies')}</h1>
      <p>{view.rows.length
          ? tr(`${view.rows.length} báo cáo quá hạn, chậm nhiều nhất trước.`, `${view.rows.length} overdue reports, latest first.`)
          : tr('Không có đơn vị nào chậm báo cáo.', 'No agency is late.')}</p>
      <BoardTable rows={view.rows} canRemind={canRemind} canUrge={canUrge} />
      <Communes view={view} />
      <ApiFormsScript />
    </Layout>,
  );
}
